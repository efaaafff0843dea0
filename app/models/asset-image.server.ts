// What an uploaded figure really is, read from its first bytes: never from its name or the type the
// browser claims. Only raster formats a browser shows without running anything are accepted (PNG,
// JPEG, GIF, WebP); SVG is refused, since an SVG opened from our origin can carry script. The
// dimensions come from the header, so a figure's size is known without decoding the image.

export const FIGURE_MIME_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type FigureMimeType = (typeof FIGURE_MIME_TYPES)[number];

export type ImageHeader = { mimeType: FigureMimeType; width: number; height: number };

/** The largest side we accept: bigger images are decompression bombs rather than figures. */
export const MAX_FIGURE_SIDE = 20_000;

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);

function png(bytes: Uint8Array): ImageHeader | null {
  // Signature, then the IHDR chunk first: length (4), "IHDR", width (4), height (4).
  if (!startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
  if (bytes.length < 24 || !startsWith(bytes, ascii("IHDR"), 12)) return null;
  return { mimeType: "image/png", width: u32be(bytes, 16), height: u32be(bytes, 20) };
}

function gif(bytes: Uint8Array): ImageHeader | null {
  if (!startsWith(bytes, ascii("GIF87a")) && !startsWith(bytes, ascii("GIF89a"))) return null;
  if (bytes.length < 10) return null;
  return { mimeType: "image/gif", width: u16le(bytes, 6), height: u16le(bytes, 8) };
}

/** JPEG: walk the marker segments to the first start-of-frame, which holds the size. */
function jpeg(bytes: Uint8Array): ImageHeader | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(bytes, at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return { mimeType: "image/jpeg", height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
    at += 2 + length;
  }
  return null;
}

function webp(bytes: Uint8Array): ImageHeader | null {
  if (!startsWith(bytes, ascii("RIFF")) || !startsWith(bytes, ascii("WEBP"), 8) || bytes.length < 30) return null;
  if (startsWith(bytes, ascii("VP8 "), 12)) {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    return { mimeType: "image/webp", width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (startsWith(bytes, ascii("VP8L"), 12)) {
    // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each.
    if (bytes[20] !== 0x2f) return null;
    const bits = (bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24)) >>> 0;
    return { mimeType: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, ascii("VP8X"), 12)) {
    // Extended: canvas width-1 and height-1 in 24 bits each.
    return { mimeType: "image/webp", width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
  }
  return null;
}

/** The image type and size read from the header; null for anything that is not one of our formats. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const header = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes);
  if (!header) return null;
  const { width, height } = header;
  if (width < 1 || height < 1 || width > MAX_FIGURE_SIDE || height > MAX_FIGURE_SIDE) return null;
  return header;
}
