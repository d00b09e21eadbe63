import type { ListingLabel } from "@continuum/domain";
import type { Segment, WorkPerson } from "./model.js";

/**
 * The labels of a listing state, consistent with its category: fighters are foreign fighters when
 * they travelled or tried to (returnees, failed travellers), homegrown fighters otherwise, and
 * terrorist convicts too once convicted. Sorted, without duplicates.
 */
export function labelsFor(segment: Segment, person: WorkPerson): ListingLabel[] {
  switch (segment.category) {
    case "A":
      return ["TERRORIST_CONVICT"];
    case "B":
      return ["ASSIMILATED"];
    case "C": {
      const fighter: ListingLabel =
        person.returnee || person.failedTraveller ? "FOREIGN_FIGHTER" : "HOMEGROWN_FIGHTER";
      const labels: ListingLabel[] = segment.convicted ? [fighter, "TERRORIST_CONVICT"] : [fighter];
      return [...new Set(labels)].sort();
    }
    case "D":
      return ["RADICALISED"];
    case "E":
      return ["HATE_PREACHER"];
  }
}
