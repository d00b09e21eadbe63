import { describe, expect, it } from "vitest";
import {
  caseloadRow,
  closedStatusParam,
  datedAsOf,
  deniedPaths,
  hasRunningParticipation,
  participationsAsOf,
  withShownNotes,
} from "./programme-view";

const participation = {
  status: "ACTIVE",
  offeredOn: "2025-01-10",
  endedOn: null,
  statusHistory: [
    { status: "OFFERED", on: "2025-01-10", note: "Offer by CelEx" },
    { status: "ACCEPTED", on: "2025-01-20", note: null },
    { status: "ACTIVE", on: "2025-02-01", note: null },
  ],
  contacts: [
    { contactedOn: "2025-03-01", note: null },
    { contactedOn: "2025-02-05", note: "" },
  ],
};

describe("notes withheld from the viewer", () => {
  it("marks a null note with a FORBIDDEN error at its path as withheld, other nulls as none", () => {
    const denied = deniedPaths([
      {
        message: "no",
        code: "FORBIDDEN",
        reason: null,
        path: ["person", "programmes", 0, "statusHistory", 1, "note"],
      },
      {
        message: "no",
        code: "FORBIDDEN",
        reason: null,
        path: ["person", "programmes", 0, "contacts", 0, "note"],
      },
      {
        message: "other",
        code: "NOT_FOUND",
        reason: null,
        path: ["person", "programmes", 0, "contacts", 1, "note"],
      },
    ]);
    const [shown] = withShownNotes([participation], denied);
    expect(shown?.statusHistory.map((s) => s.shownNote)).toEqual([
      { kind: "text", text: "Offer by CelEx" },
      { kind: "withheld" },
      { kind: "none" },
    ]);
    expect(shown?.contacts.map((c) => c.shownNote)).toEqual([{ kind: "withheld" }, { kind: "none" }]);
  });
});

describe("the case file's day", () => {
  it("keeps what was offered, recorded and contacted by then, with that day's status", () => {
    const [then] = participationsAsOf([participation], "2025-01-25");
    expect(then?.status).toBe("ACCEPTED");
    expect(then?.statusHistory.map((s) => s.status)).toEqual(["OFFERED", "ACCEPTED"]);
    expect(then?.contacts).toEqual([]);
    expect(participationsAsOf([participation], "2025-01-09")).toEqual([]);
    expect(participationsAsOf([participation], null)).toEqual([participation]);
  });
  it("shows an ended participation as running before its end", () => {
    const ended = { ...participation, status: "COMPLETED", endedOn: "2025-04-02" };
    expect(participationsAsOf([ended], "2025-03-15")[0]?.endedOn).toBeNull();
    expect(participationsAsOf([ended], "2025-04-02")[0]?.endedOn).toBe("2025-04-02");
  });
  it("keeps dated records on or before the day", () => {
    const rows = [{ on: "2025-01-01" }, { on: "2025-02-01" }];
    expect(datedAsOf(rows, (r) => r.on, "2025-01-15")).toEqual([{ on: "2025-01-01" }]);
    expect(datedAsOf(rows, (r) => r.on, null)).toEqual(rows);
  });
});

describe("the caseload", () => {
  it("says since when the status holds and when the last contact was", () => {
    expect(caseloadRow(participation)).toEqual({ since: "2025-02-01", lastContactOn: "2025-03-01" });
    expect(caseloadRow({ offeredOn: "2025-01-10", statusHistory: [], contacts: [] })).toEqual({
      since: "2025-01-10",
      lastContactOn: null,
    });
  });
  it("knows whether a participation still runs", () => {
    expect(hasRunningParticipation([{ endedOn: "2025-01-01" }])).toBe(false);
    expect(hasRunningParticipation([{ endedOn: "2025-01-01" }, { endedOn: null }])).toBe(true);
  });
  it("confirms only a final status after a change", () => {
    expect(closedStatusParam("COMPLETED")).toBe("COMPLETED");
    expect(closedStatusParam("ACTIVE")).toBeNull();
    expect(closedStatusParam("<script>")).toBeNull();
    expect(closedStatusParam(undefined)).toBeNull();
  });
});
