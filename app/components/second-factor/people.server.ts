// For the trust's people list: who has two-factor sign-in. Server-only.
export { peopleWithSecondFactor } from "../../../models/second-factor/second-factor.ts";
