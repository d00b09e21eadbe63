import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printedSchema } from "../src/graphql/print-schema.js";

// Writes apps/api/schema.graphql, the contract integrators and the portal's code generation read.
const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
writeFileSync(target, await printedSchema());
console.log(`wrote ${target}`);
