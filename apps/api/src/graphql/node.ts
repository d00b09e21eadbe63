import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({ description: "An object with a global ID; any of them can be fetched with `node(id:)`." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID. Stable; do not parse it." })
  id: string;
}
