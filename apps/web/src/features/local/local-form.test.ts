import { describe, expect, it } from "vitest";
import {
  actionFilterHref,
  actionFilterVariables,
  checkAgendaAdd,
  checkClose,
  checkDecision,
  checkMeeting,
  closeInput,
  decisionFieldOf,
  decisionInput,
  emptyAction,
  emptyDecision,
  emptyMeeting,
  meetingFieldOf,
  meetingFields,
  meetingInput,
  membersOf,
  ownerChoices,
  parseActionFilter,
} from "./local-form";

const today = "2025-06-10";
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the meeting form", () => {
  it("needs a kind, and members present once the meeting is held", () => {
    expect(keys(checkMeeting(emptyMeeting(today), { today }))).toEqual([
      "kind:chooseOne",
      "membersPresent:required",
    ]);
    expect(checkMeeting({ ...emptyMeeting("2025-07-01"), kind: "OPERATIONAL" }, { today })).toEqual([]);
  });
  it("reads one member a line and checks each action", () => {
    expect(membersOf(" Chair A \n\n  Inspector B\r\n")).toEqual(["Chair A", "Inspector B"]);
    const values = {
      ...emptyMeeting(today),
      kind: "STRATEGIC",
      membersPresent: "Chair A",
      actions: [{ description: "", ownerId: "", dueOn: "2025-06-01" }],
    };
    expect(keys(checkMeeting(values, { today }))).toEqual([
      "actions.0.description:required",
      "actions.0.ownerId:chooseOne",
      "actions.0.dueOn:notBefore",
    ]);
    expect(meetingFields(values)).toEqual([
      "kind",
      "heldOn",
      "membersPresent",
      "summary",
      "agenda",
      "actions.0.description",
      "actions.0.ownerId",
      "actions.0.dueOn",
    ]);
  });
  it("sends no agenda for a strategic meeting, and each person once", () => {
    const values = {
      ...emptyMeeting(today),
      kind: "OPERATIONAL",
      membersPresent: "A\nB",
      summary: "  ",
      agenda: ["p1", "p2", "p1"],
      actions: [{ description: " Visit ", ownerId: "u1", dueOn: "2025-06-20" }],
    };
    expect(meetingInput(values)).toEqual({
      kind: "OPERATIONAL",
      heldOn: today,
      membersPresent: ["A", "B"],
      summary: null,
      agenda: ["p1", "p2"],
      actions: [{ description: "Visit", ownerId: "u1", dueOn: "2025-06-20" }],
    });
    expect(meetingInput({ ...values, kind: "STRATEGIC" }).agenda).toEqual([]);
  });
  it("maps the API's paths onto its fields", () => {
    expect(meetingFieldOf("actions.1.dueOn")).toBe("actions.1.dueOn");
    expect(meetingFieldOf("actions.1")).toBe("actions.1.description");
    expect(meetingFieldOf("agenda.0")).toBe("agenda");
    expect(meetingFieldOf("agencyId")).toBeNull();
  });
});

describe("the decision form", () => {
  it("needs the decision; measures and deadlines not before the meeting", () => {
    const values = {
      ...emptyDecision("p1", "2025-06-01"),
      startMeasures: ["POLICE_VISITS"],
      startsOn: "2025-05-31",
      actions: [{ ...emptyAction(), description: "Call", ownerId: "u1", dueOn: "2025-06-01" }],
    };
    expect(keys(checkDecision(values, { meetingOn: "2025-06-01" }))).toEqual([
      "decision:required",
      "startsOn:notBefore",
    ]);
    expect(keys(checkDecision(emptyDecision("", "2025-06-01"), { meetingOn: "2025-06-01" }))).toEqual([
      "personId:chooseOne",
      "decision:required",
    ]);
  });
  it("starts each chosen type on the one day", () => {
    const values = {
      ...emptyDecision("p1", "2025-06-01"),
      decision: " Keep visits ",
      startMeasures: ["A", "B", "A"],
      stopMeasureIds: ["m1"],
    };
    expect(decisionInput("meet", values)).toEqual({
      meetingId: "meet",
      personId: "p1",
      decision: "Keep visits",
      startMeasures: [
        { measureType: "A", startsOn: "2025-06-01" },
        { measureType: "B", startsOn: "2025-06-01" },
      ],
      stopMeasureIds: ["m1"],
      actions: [],
    });
    expect(decisionFieldOf("startMeasures.1.startsOn")).toBe("startsOn");
    expect(decisionFieldOf("startMeasures.1.measureType")).toBe("startMeasures");
    expect(decisionFieldOf("stopMeasureIds.0")).toBe("stopMeasureIds");
  });
});

describe("the agenda and the closing of an action", () => {
  it("asks for a person", () => {
    expect(keys(checkAgendaAdd({ personId: "" }))).toEqual(["personId:chooseOne"]);
  });
  it("is done, or cancelled with a note", () => {
    expect(keys(checkClose({ status: "", note: "" }))).toEqual(["status:chooseOne"]);
    expect(keys(checkClose({ status: "CANCELLED", note: " " }))).toEqual(["note:required"]);
    expect(checkClose({ status: "DONE", note: "" })).toEqual([]);
    expect(closeInput({ id: "a", version: 2 }, { status: "DONE", note: "" })).toEqual({
      actionItemId: "a",
      version: 2,
      status: "DONE",
      note: null,
    });
  });
});

describe("choices and URL state", () => {
  it("offers the viewer first, then the other members of the body", () => {
    const me = { id: "u1", displayName: "Me" };
    expect(
      ownerChoices(me, [
        { id: "u2", displayName: "Ann" },
        { id: "u1", displayName: "Me" },
        { id: "u3", displayName: "Zed" },
      ]).map((u) => u.id),
    ).toEqual(["u1", "u2", "u3"]);
  });
  it("reads the action filter, open by default", () => {
    expect(parseActionFilter(undefined)).toBe("open");
    expect(parseActionFilter("bogus")).toBe("open");
    expect(parseActionFilter("mine")).toBe("mine");
    expect(actionFilterVariables("overdue")).toEqual({ mine: false, overdueOnly: true, status: null });
    expect(actionFilterVariables("mine")).toEqual({ mine: true, overdueOnly: false, status: "OPEN" });
    expect(actionFilterVariables("all")).toEqual({ mine: false, overdueOnly: false, status: null });
    expect(actionFilterHref("/en/local", "open")).toBe("/en/local#actions-heading");
    expect(actionFilterHref("/en/local", "all")).toBe("/en/local?actions=all#actions-heading");
  });
});
