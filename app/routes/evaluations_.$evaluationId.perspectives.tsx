import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { Membership } from "../../models/membership/membership.ts";
import { ROLE_LABELS } from "../../models/permissions/roles.ts";
import type { Perspective } from "../../models/perspective/perspective.ts";
import { spreadOf, range } from "../../models/perspective/spread.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField } from "../components/field.tsx";
import { SpreadChart } from "../components/perspectives/spread-chart.tsx";
import {
  PERSPECTIVES,
  PERSPECTIVE_LABELS,
  can,
  frameworkOfEvaluation,
  getUsers,
  inviteContributor,
  listContributors,
  listMembershipsOfTrust,
  listPerspectiveJudgements,
  loadEvaluation,
  recordPerspective,
  removeContributor,
} from "../evaluation.server.ts";
import { listSchools } from "../models.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Perspectives · Quality marks" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation, resource } = await orNotFound(
    loadEvaluation(actor, params.evaluationId ?? ""),
  );
  const canInvite = can(actor, "invite", resource);
  const [{ school, content }, contributors, judgements, memberships, schools] = await Promise.all([
    orNotFound(frameworkOfEvaluation(evaluation)),
    listContributors(evaluation.trustId, evaluation.id),
    listPerspectiveJudgements(evaluation.trustId, evaluation.id),
    listMembershipsOfTrust(evaluation.trustId),
    canInvite ? listSchools(evaluation.trustId) : [],
  ]);
  const people = await getUsers([
    ...new Set([
      ...contributors.map((c) => c.userId),
      ...(canInvite ? memberships.map((m) => m.userId) : []),
    ]),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const perspectiveOf = new Map(contributors.map((c) => [c.userId, c.perspective]));
  const areas = content.areas;
  return json({
    evaluation: { id: evaluation.id, title: evaluation.title },
    school: school.name,
    canInvite,
    canContribute: can(actor, "contribute", resource),
    // Only the school's team records the agreed judgement: nobody else is sent to do it.
    canWrite: can(actor, "write", resource),
    myPerspective: perspectiveOf.get(actor.userId) ?? null,
    contributors: contributors.map((c) => ({
      userId: c.userId,
      name: nameOf.get(c.userId) ?? "",
      perspective: PERSPECTIVE_LABELS[c.perspective],
    })),
    invitable: canInvite
      ? invitableGroups(
          people.filter((p) => p.id !== actor.userId && !perspectiveOf.has(p.id)),
          memberships,
          { id: evaluation.schoolId, name: school.name },
          new Map(schools.map((s) => [s.id, s.name])),
        )
      : [],
    perspectives: PERSPECTIVES.map((p) => ({ value: p, label: PERSPECTIVE_LABELS[p] })),
    areas: areas.map((area) => {
      const levels = scaleOf(content, area).levels;
      return {
        id: area.id,
        title: area.title,
        levels,
        criteria: area.criteria.map((c) => {
          const chosen = judgements.filter((j) => j.criterionId === c.id);
          return {
            id: c.id,
            code: c.code,
            statement: c.statement,
            mine: chosen.find((j) => j.userId === actor.userId)?.level ?? "",
            spread: spreadOf(
              levels.map((l) => l.key),
              chosen,
              (id) => perspectiveOf.get(id) as Perspective | undefined,
            ).map((s) => ({
              level: s.level,
              count: s.count,
              who: s.perspectives.map((p) => PERSPECTIVE_LABELS[p]),
            })),
            range: range(
              levels.map((l) => l.key),
              chosen.map((j) => j.level),
            ),
            responses: chosen.length,
          };
        }),
      };
    }),
  });
}

/**
 * Who may be invited, said as who they are ("Jordan Lee — school leader, Hillcrest Primary"):
 * this school's own people first, then the trust's central roles, then other schools' people.
 */
function invitableGroups(
  people: { id: string; name: string }[],
  memberships: Membership[],
  school: { id: string; name: string },
  schoolNames: Map<string, string>,
) {
  const rank = (m: Membership) => (m.schoolId === school.id ? 0 : m.schoolId ? 2 : 1);
  const groups = [
    { label: `${school.name} (this school)`, people: [] as { id: string; label: string }[] },
    { label: "Across the trust", people: [] as { id: string; label: string }[] },
    { label: "Other schools of the trust", people: [] as { id: string; label: string }[] },
  ];
  for (const person of [...people].sort((a, b) => a.name.localeCompare(b.name))) {
    const roles = memberships
      .filter((m) => m.userId === person.id)
      .sort((a, b) => rank(a) - rank(b));
    if (!roles.length) continue;
    const said = roles.map((m) => {
      const role = ROLE_LABELS[m.role].toLowerCase();
      return m.schoolId ? `${role}, ${schoolNames.get(m.schoolId) ?? "a school"}` : role;
    });
    groups[rank(roles[0])].people.push({
      id: person.id,
      label: `${person.name} — ${[...new Set(said)].join("; ")}`,
    });
  }
  return groups.filter((g) => g.people.length > 0);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const ctx = { actor, collab: context.collab };
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const extra = { evaluationId: params.evaluationId ?? "" };
  const answer = async (command: () => Promise<void>, done: string) => {
    const result = await run(command, intent);
    return result instanceof Response ? result : json<ActionResult>({ intent, done });
  };
  if (intent === "invite")
    return answer(() => inviteContributor(ctx, fieldsOf(form, { extra })), "Contributor invited.");
  if (intent === "remove")
    return answer(() => removeContributor(ctx, fieldsOf(form, { extra })), "Contributor removed.");
  if (intent === "record") {
    const judgements: Record<string, string> = Object.create(null);
    for (const [key, value] of form)
      if (key.startsWith("level.")) judgements[key.slice(6)] = String(value);
    return answer(
      () => recordPerspective(ctx, { ...extra, judgements }),
      "Your judgements are saved.",
    );
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

export default function Perspectives() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> =
    result?.intent === "invite" ? (result.fieldErrors ?? {}) : {};
  // No spread to draw until someone has responded: no empty charts, one clear next step.
  const responded = data.areas.some((a) => a.criteria.some((c) => c.responses > 0));
  return (
    <div className="page">
      <Breadcrumbs
        trail={[{ label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` }]}
      />
      <h1>Perspectives</h1>
      <p className="lede">
        {data.school}: each contributor records their own judgement per criterion; the spread shows
        where views differ, and the team records one agreed judgement on the evaluation.
      </p>
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      <FormError message={result?.formError} />

      {responded ? null : (
        <section aria-labelledby="spread-empty-heading" className="empty-state">
          <h2 id="spread-empty-heading">
            {data.canContribute ? "No responses yet" : "Invite contributors to see the spread"}
          </h2>
          <p>
            {data.canContribute
              ? "Record your judgements below. The spread of everyone's judgements appears here as contributors respond."
              : data.contributors.length
                ? "Nobody has recorded a judgement yet. The spread appears here, criterion by criterion, as contributors respond."
                : data.canInvite
                  ? "Invite people below, each with a perspective (for example school leaders or trustees). The spread of their judgements appears here as they respond."
                  : "The school's leaders invite contributors, each with a perspective. The spread of their judgements appears here as they respond."}
          </p>
        </section>
      )}

      <section aria-labelledby="contributors-heading" className="panel">
        <h2 id="contributors-heading">{`Contributors (${data.contributors.length})`}</h2>
        {data.contributors.length === 0 ? (
          <p className="muted">Nobody has been invited yet.</p>
        ) : null}
        <ul className="plain-list">
          {data.contributors.map((c) => (
            <li key={c.userId}>
              <strong>{c.name}</strong> · {c.perspective}
              {data.canInvite ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={c.userId} />
                  <button type="submit" className="button-link">
                    Remove {c.name}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {data.canInvite ? (
          <Form method="post" className="stack" noValidate aria-label="Invite a contributor">
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <SelectField
              label="Person"
              name="userId"
              defaultValue=""
              error={errors.userId}
              hint={`Whoever you invite can read ${data.school}'s whole evaluation, read only: every criterion's judgement, narrative and evidence (files included) and its PDF report. People from other schools of the trust see none of it otherwise.`}
            >
              <option value="">Choose a person</option>
              {data.invitable.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField
              label="Perspective"
              name="perspective"
              defaultValue=""
              error={errors.perspective}
            >
              <option value="">Choose a perspective</option>
              {data.perspectives.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button" disabled={busy}>
              Invite
            </button>
          </Form>
        ) : null}
      </section>

      {responded || data.canContribute ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="record" />
          {data.areas.map((area) => (
            <section key={area.id} aria-labelledby={`area-${area.id}`}>
              <h2 id={`area-${area.id}`}>{area.title}</h2>
              {area.criteria.map((c) => (
                <article key={c.id} className="criterion" aria-labelledby={`p-${c.id}`}>
                  <h3 id={`p-${c.id}`}>
                    <span className="code">{c.code}</span> {c.statement}
                  </h3>
                  {data.canContribute ? (
                    <SelectField
                      label={`Your judgement (${data.myPerspective ? data.perspectives.find((p) => p.value === data.myPerspective)?.label : ""}) for ${c.code}`}
                      name={`level.${c.id}`}
                      defaultValue={c.mine}
                    >
                      <option value="">Not judged</option>
                      {area.levels.map((l) => (
                        <option key={l.key} value={l.key}>
                          {l.label}
                        </option>
                      ))}
                    </SelectField>
                  ) : null}
                  {c.responses === 0 ? (
                    <p className="muted">No responses yet.</p>
                  ) : (
                    <div className="spread">
                      <SpreadChart
                        levels={area.levels}
                        counts={c.spread.map((s) => s.count)}
                        title={`Spread of judgements for ${c.code}`}
                      />
                      <table className="table spread-table">
                        <caption>{`${c.responses} response${c.responses === 1 ? "" : "s"}${c.responses > 1 ? `; ${c.range === 0 ? "everyone agrees" : `views span ${c.range + 1} levels`}` : ""}`}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Level</th>
                            <th scope="col">Contributors</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.spread.map((s, i) => (
                            <tr key={s.level}>
                              <th scope="row">{area.levels[i].label}</th>
                              <td>{s.count ? `${s.count} (${s.who.join(", ")})` : "0"}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  {data.canWrite ? (
                    <p>
                      <Link
                        to={`/evaluations/${data.evaluation.id}?area=${area.id}#criterion-${c.id}`}
                      >
                        Record the team's agreed judgement for {c.code}
                      </Link>
                    </p>
                  ) : null}
                </article>
              ))}
            </section>
          ))}
          {data.canContribute ? (
            <button type="submit" className="button" disabled={busy}>
              Save my judgements
            </button>
          ) : null}
        </Form>
      ) : null}
    </div>
  );
}
