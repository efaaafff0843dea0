// Read-only rendering of a standard's text, with every number computed from the structure (the
// same numbering the editor uses). Server-rendered, so a long draft is readable before any script.
import katex from "katex";
import type { Mark, Node } from "prosemirror-model";
import { Fragment, useMemo, type ReactNode } from "react";
import { computeNumbering, fixedHeading, type Convention, type Numbering } from "~/editor/numbering";
import { schema } from "~/editor/schema";
import "./standard-view.css";

type Ctx = { numbering: Numbering; convention: Convention };

function markWrap(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type.name) {
    case "strong":
      return <strong key={key}>{child}</strong>;
    case "em":
      return <em key={key}>{child}</em>;
    case "sub":
      return <sub key={key}>{child}</sub>;
    case "sup":
      return <sup key={key}>{child}</sup>;
    case "code":
      return <code key={key}>{child}</code>;
    case "link": {
      const href = String(mark.attrs.href ?? "");
      return /^https?:\/\//.test(href) ? (
        <a key={key} href={href} rel="noreferrer noopener" target="_blank">
          {child}
        </a>
      ) : (
        child
      );
    }
    default:
      return child;
  }
}

function inline(node: Node, ctx: Ctx): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child, _offset, index) => {
    if (child.isText) {
      out.push(child.marks.reduce<ReactNode>((acc, mark, i) => markWrap(mark, acc, i), child.text ?? ""));
    } else if (child.type.name === "hard_break") {
      out.push(<br key={index} />);
    } else if (child.type.name === "cross_ref") {
      const target = String(child.attrs.target ?? "");
      const text = ctx.numbering.byId.get(target)?.refText;
      out.push(
        text ? (
          <a key={index} className="xref" href={`#${target}`}>
            {text}
          </a>
        ) : (
          <span key={index} className="xref-broken">
            ??
          </span>
        ),
      );
    }
  });
  return out.map((n, i) => <Fragment key={i}>{n}</Fragment>);
}

function label(ctx: Ctx, pos: number): string {
  return ctx.numbering.byPos.get(pos)?.label ?? "";
}

function children(node: Node, pos: number, ctx: Ctx): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child, offset, index) => {
    out.push(<Fragment key={index}>{block(child, pos + 1 + offset, ctx)}</Fragment>);
  });
  return out;
}

function headingLevel(depth: number): "h2" | "h3" | "h4" | "h5" {
  return depth <= 1 ? "h2" : depth === 2 ? "h3" : depth === 3 ? "h4" : "h5";
}

function block(node: Node, pos: number, ctx: Ctx, depth = 1): ReactNode {
  const id = typeof node.attrs.id === "string" ? node.attrs.id : undefined;
  switch (node.type.name) {
    case "foreword":
    case "introduction":
    case "bibliography":
      return (
        <section id={id} className={`std-${node.type.name}`}>
          <h2 className="std-fixed-heading">{fixedHeading(node.type.name, ctx.convention)}</h2>
          {node.type.name === "bibliography" ? (
            <ol className="std-bibliography">{children(node, pos, ctx)}</ol>
          ) : (
            children(node, pos, ctx)
          )}
        </section>
      );
    case "clause":
    case "annex": {
      const Heading = node.type.name === "annex" ? "h2" : headingLevel(depth);
      const title = node.firstChild;
      const rest: ReactNode[] = [];
      node.forEach((child, offset, index) => {
        if (index === 0) return;
        rest.push(<Fragment key={index}>{block(child, pos + 1 + offset, ctx, depth + 1)}</Fragment>);
      });
      return (
        <section id={id} className={`std-${node.type.name}`} data-testid={`std-${node.type.name}`}>
          <Heading className="std-heading">
            <span className="std-number" data-testid="std-number">
              {label(ctx, pos)}
            </span>
            {node.type.name === "annex" ? <br /> : " "}
            {title ? inline(title, ctx) : null}
          </Heading>
          {rest}
        </section>
      );
    }
    case "paragraph":
      return <p id={id ?? undefined}>{inline(node, ctx)}</p>;
    case "list":
      return <ul className="std-list">{children(node, pos, ctx)}</ul>;
    case "list_item":
      return (
        <li>
          <span className="std-list-label">{label(ctx, pos)}</span>
          <div>{children(node, pos, ctx)}</div>
        </li>
      );
    case "note":
    case "example":
    case "note_to_entry":
      return (
        <div id={id} className={`std-${node.type.name}`}>
          <span className="std-note-label">{label(ctx, pos)}</span>
          <div>{children(node, pos, ctx)}</div>
        </div>
      );
    case "term_entry":
      return (
        <div id={id} className="std-term">
          <div className="std-term-number">{label(ctx, pos)}</div>
          {children(node, pos, ctx)}
        </div>
      );
    case "term_preferred":
      return <div className="std-term-preferred">{inline(node, ctx)}</div>;
    case "term_preferred_en":
      return <div className="std-term-preferred-en">{inline(node, ctx)}</div>;
    case "term_admitted":
      return <div className="std-term-admitted">{inline(node, ctx)}</div>;
    case "term_definition":
      return <div className="std-term-definition">{inline(node, ctx)}</div>;
    case "term_source":
      return (
        <div className="std-term-source">
          [{ctx.convention === "GB" ? "来源：" : "SOURCE: "}
          {inline(node, ctx)}]
        </div>
      );
    case "reference_entry":
      return <p id={id} className="std-reference">{inline(node, ctx)}</p>;
    case "bibliography_entry":
      return (
        <li id={id}>
          <span className="std-list-label">{label(ctx, pos)}</span> {inline(node, ctx)}
        </li>
      );
    case "table_block": {
      const caption = node.firstChild;
      const table = node.lastChild;
      return (
        <figure id={id} className="std-table">
          <figcaption>
            <span className="std-number">{label(ctx, pos)}</span>
            {"\u3000"}
            {caption ? inline(caption, ctx) : null}
          </figcaption>
          {table ? <div className="std-table-scroll">{tableGrid(table, ctx)}</div> : null}
        </figure>
      );
    }
    case "figure": {
      const caption = node.firstChild;
      const src = String(node.attrs.src ?? "");
      return (
        <figure id={id} className="std-figure">
          {src ? <img src={src} alt={String(node.attrs.alt ?? "")} /> : null}
          <figcaption>
            <span className="std-number">{label(ctx, pos)}</span>
            {"\u3000"}
            {caption ? inline(caption, ctx) : null}
          </figcaption>
        </figure>
      );
    }
    case "formula": {
      const html = katex.renderToString(String(node.attrs.latex ?? ""), { throwOnError: false, displayMode: true });
      return (
        <div id={id} className="std-formula">
          <div dangerouslySetInnerHTML={{ __html: html }} />
          <span className="std-formula-number">{label(ctx, pos)}</span>
        </div>
      );
    }
    default:
      return node.isTextblock ? <p>{inline(node, ctx)}</p> : children(node, pos, ctx);
  }
}

function tableGrid(table: Node, ctx: Ctx): ReactNode {
  const rows: ReactNode[] = [];
  table.forEach((row, _o, r) => {
    const cells: ReactNode[] = [];
    row.forEach((cell, _c, c) => {
      const Cell = cell.type.name === "table_header" ? "th" : "td";
      cells.push(
        <Cell key={c} colSpan={Number(cell.attrs.colspan ?? 1)} rowSpan={Number(cell.attrs.rowspan ?? 1)}>
          {children(cell, 0, ctx)}
        </Cell>,
      );
    });
    rows.push(<tr key={r}>{cells}</tr>);
  });
  return (
    <table>
      <tbody>{rows}</tbody>
    </table>
  );
}

export function StandardView({ content, convention }: { content: unknown; convention: Convention }) {
  const rendered = useMemo(() => {
    const doc = schema.nodeFromJSON(content);
    const ctx: Ctx = { numbering: computeNumbering(doc, convention), convention };
    return children(doc, -1, ctx);
  }, [content, convention]);
  return (
    <article className="standard-view" lang={convention === "GB" ? "zh-CN" : "en"} data-testid="standard-view">
      {rendered}
    </article>
  );
}
