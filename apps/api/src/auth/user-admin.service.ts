import { requireAdministrator } from "../access/policy.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../graphql/mutation.js";
import { reject, UserErrorCode } from "../graphql/user-error.js";
import { setDisabled, type UserRecord } from "../modules/users/user.repository.js";

/**
 * Disables or re-enables an account. Sessions and tokens are looked up with the account on every
 * request, so a disabled account's sessions and tokens stop working at once.
 */
export function setUserDisabled(
  ctx: RequestContext,
  input: { userId: string; disabled: boolean },
): Promise<MutationOutcome<UserRecord>> {
  const admin = requireAdministrator(ctx);
  return runMutation(ctx, async (tx) => {
    const userId = uuidOf(input.userId, "User");
    if (userId === null) return reject("userId", "no user with this ID", UserErrorCode.NOT_FOUND);
    if (userId === admin.userId && input.disabled)
      reject("userId", "you cannot disable your own account", UserErrorCode.RULE_VIOLATION);
    const user = await setDisabled(tx, userId, input.disabled);
    if (user === null) return reject("userId", "no user with this ID", UserErrorCode.NOT_FOUND);
    ctx.audit.record({ operation: input.disabled ? "USER_DISABLE" : "USER_ENABLE", details: { userId } });
    return user;
  });
}
