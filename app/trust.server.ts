// What the trust settings page calls: commands and the queries it shows. Server-only.
export { loadTrustWhere } from "../models/permissions/loaders.ts";
export { getTrust } from "../models/trust/trust.ts";
export { getUsers } from "../models/user/user.ts";
export { listMembershipsOfTrust } from "../models/membership/membership.ts";
export { listSchools } from "../models/school/school.ts";
export { newRequestId } from "../models/input.ts";
export { addSchool } from "../server/commands/add-school.ts";
export { addPerson } from "../server/commands/add-person.ts";
