import { type ClassLevel, type DataClass, mayRead, type PersonAccess } from "@continuum/domain";
import { Extensions, type MiddlewareFn, UseMiddleware } from "type-graphql";
import type { RequestContext } from "./context.js";
import { forbidden } from "./errors.js";

/** An object that belongs to one person's case and knows what the actor may see of it. */
export interface CaseObject {
  personUuid: string;
  access: PersonAccess;
}

function guard(dataClass: DataClass, level: ClassLevel): MiddlewareFn<RequestContext> {
  return async ({ root, context }, next) => {
    const object = root as CaseObject;
    if (!mayRead(object.access, dataClass, level))
      throw forbidden(`You may not see the ${dataClass.toLowerCase()} data of this person.`, { dataClass });
    context.audit.read(object.personUuid, [dataClass], object.access.breakGlass);
    return next();
  };
}

/**
 * Marks a field of a case object as data of one class: the actor must be allowed to read that class
 * of this person (else the field is null with a FORBIDDEN error at its path), and the read is
 * audited. The class is also published in the field's extensions, where a test checks that every
 * field of a case object declares one.
 */
export function Guarded(
  dataClass: DataClass,
  level: ClassLevel = "READ",
): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ dataClass, level })(target, key, descriptor as PropertyDescriptor);
    UseMiddleware(guard(dataClass, level))(target, key, descriptor as PropertyDescriptor);
  };
}
