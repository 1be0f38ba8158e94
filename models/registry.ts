// Importing this registers every model, so the server can create their indexes at start.
import "./trust/trust.ts";
import "./school/school.ts";
import "./user/user.ts";
import "./membership/membership.ts";
import "./session/session.ts";
import "./framework/framework.ts";
import "./evaluation/evaluation.ts";
import "./document-log/document-log.ts";
import "./cycle/cycle.ts";
import "./perspective/perspective.ts";
import "./audit/audit.ts";
import "./validation/validation.ts";
import "./validation/record.ts";
import "./evidence/evidence.ts";
import "./award/award.ts";
import "./snapshot/snapshot.ts";
