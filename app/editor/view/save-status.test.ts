import { describe, expect, test } from "vitest";
import { AcknowledgementTracker, coversStateVector, hasUnsavedChanges, saveStatus, type SaveInputs } from "./save-status";

const sv = (entries: [number, number][]) => new Map(entries);

const base: SaveInputs = {
  editable: true,
  connected: true,
  stored: sv([[1, 10], [2, 5]]),
  local: sv([[1, 10], [2, 5]]),
  messagesConfirmed: true,
};

describe("save status", () => {
  test("saved only when the stored state vector covers every client id this browser holds", () => {
    expect(saveStatus(base)).toBe("saved");
    expect(saveStatus({ ...base, local: sv([[1, 11], [2, 5]]) })).toBe("saving");
    // A client id the server has never stored (an offline session restored from IndexedDB).
    expect(saveStatus({ ...base, local: sv([[1, 10], [2, 5], [3, 1]]) })).toBe("saving");
    // The server storing more than we hold (others' edits not yet relayed) is still saved.
    expect(saveStatus({ ...base, stored: sv([[1, 12], [2, 5], [4, 3]]) })).toBe("saved");
  });

  test("a deletion adds no clock: saved only once the messages that carried it are stored", () => {
    expect(saveStatus({ ...base, messagesConfirmed: false })).toBe("saving");
    expect(hasUnsavedChanges({ ...base, messagesConfirmed: false })).toBe(true);
  });

  test("nothing is saved before the first acknowledgement", () => {
    expect(saveStatus({ ...base, stored: null })).toBe("saving");
    expect(hasUnsavedChanges({ ...base, stored: null })).toBe(true);
  });

  test("offline while disconnected; the warning depends on what is stored, not on the connection", () => {
    expect(saveStatus({ ...base, connected: false })).toBe("offline");
    expect(hasUnsavedChanges({ ...base, connected: false })).toBe(false);
    expect(hasUnsavedChanges({ ...base, connected: false, local: sv([[1, 11], [2, 5]]) })).toBe(true);
  });

  test("readers have nothing to save and are never warned", () => {
    expect(saveStatus({ ...base, editable: false, local: sv([[9, 9]]) })).toBe("readOnly");
    expect(hasUnsavedChanges({ ...base, editable: false, stored: null })).toBe(false);
  });

  test("an empty local state vector is covered by anything", () => {
    expect(coversStateVector(sv([]), sv([]))).toBe(true);
  });
});

describe("acknowledgement tracker", () => {
  test("confirmed once the server has stored every message this socket sent", () => {
    const tracker = new AcknowledgementTracker();
    tracker.socketOpened();
    tracker.storedThrough(0);
    expect(tracker.allConfirmed).toBe(true);
    tracker.messageSent("syncStep2");
    tracker.messageSent("update");
    expect(tracker.allConfirmed).toBe(false);
    tracker.storedThrough(1);
    expect(tracker.allConfirmed).toBe(false);
    tracker.storedThrough(2);
    expect(tracker.allConfirmed).toBe(true);
  });

  test("a socket lost with unconfirmed messages stays unconfirmed until the next socket's sync step 2 is stored", () => {
    const tracker = new AcknowledgementTracker();
    tracker.socketOpened();
    tracker.messageSent("syncStep2");
    tracker.messageSent("update");
    tracker.storedThrough(1);
    tracker.socketClosed();
    expect(tracker.allConfirmed).toBe(false);

    tracker.socketOpened();
    // Typing right after reconnecting: an update goes out before the sync step 2.
    tracker.messageSent("update");
    tracker.storedThrough(1);
    expect(tracker.allConfirmed).toBe(false);
    tracker.messageSent("syncStep2");
    tracker.storedThrough(2);
    expect(tracker.allConfirmed).toBe(true);
  });

  test("a socket closed with everything confirmed leaves nothing behind", () => {
    const tracker = new AcknowledgementTracker();
    tracker.socketOpened();
    tracker.messageSent("syncStep2");
    tracker.storedThrough(1);
    tracker.socketClosed();
    tracker.socketOpened();
    expect(tracker.allConfirmed).toBe(true);
  });
});
