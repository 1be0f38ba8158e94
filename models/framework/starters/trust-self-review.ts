import type { FrameworkContent } from "../types.ts";

/**
 * Starter framework: a trust reviewing itself against the five pillars of the DfE's trust
 * quality descriptions (2023). Criteria and descriptors are written for this product at trust
 * level, on a progression scale that asks how securely and consistently each practice is
 * embedded across the trust's schools.
 */
export const trustSelfReview: FrameworkContent = {
  name: "Trust self-review — DfE trust quality descriptions",
  description:
    "A starter framework for a trust's annual self-review, organised around the five pillars of the DfE's trust quality descriptions: high-quality and inclusive education, school improvement, workforce, finance and operations, and governance and leadership. Each criterion describes good practice at trust level and is placed on a progression scale from emerging through developing and embedded to mastery, which asks not only whether a practice exists but how securely and consistently it is embedded across every school. Judgements can be gathered from several perspectives, such as executive leaders, school leaders, central teams and trustees, before the review team agrees one. There is no award: the purpose is an honest picture of where the trust's practice is secure and where to develop next.",
  kind: "trustSelfReview",
  validityMonths: 12,
  scales: [
    {
      key: "progression-4",
      name: "Progression scale",
      levels: [
        {
          key: "emerging",
          label: "Emerging",
          colour: "#8a4b00",
          meaning:
            "Starting out: the practice is recognised as needed and is beginning to take shape in parts of the trust.",
        },
        {
          key: "developing",
          label: "Developing",
          colour: "#1f5fa8",
          meaning:
            "Taking hold: the practice is in place in many schools, but is not yet consistent or secure everywhere.",
        },
        {
          key: "embedded",
          label: "Embedded",
          colour: "#0f6e5a",
          meaning:
            "Secure and consistent: the practice is understood and applied across every school, and it is making a difference.",
        },
        {
          key: "mastery",
          label: "Mastery",
          colour: "#5b3a99",
          meaning:
            "Fully embedded and self-improving: the practice is refined through evaluation and shared beyond the trust.",
        },
      ],
    },
  ],
  areas: [
    // 1. High-quality and inclusive education
    {
      id: "hqie",
      title: "High-quality and inclusive education",
      summary:
        "How well the trust secures an ambitious curriculum, strong teaching and inclusive practice so that every pupil in every school achieves well.",
      scaleKey: "progression-4",
      criteria: [
        {
          id: "tq-hqie-1",
          code: "1.1",
          statement:
            "The trust has a clear, evidence-informed approach to curriculum and teaching that schools understand and apply, while leaving room for local context.",
          guidance:
            "Consider how far curriculum principles are shared, how subject networks operate, and how schools joining the trust are brought in.",
          descriptors: {
            emerging:
              "Each school follows its own approach to curriculum and teaching, and the trust's expectations are not yet defined.",
            developing:
              "Shared curriculum principles exist and subject networks have started, but adoption and quality vary between schools.",
            embedded:
              "Every school applies the trust's curriculum and teaching principles, subject networks strengthen practice, and quality is checked consistently.",
            mastery:
              "The trust's approach is refined through evaluation of pupils' learning, and its curriculum expertise is sought by and shared with schools beyond the trust.",
          },
          evidenceExpectations: [
            "Trust curriculum and teaching principles",
            "Subject network programmes and attendance",
            "Quality assurance findings across schools",
          ],
          indicators: [
            {
              id: "tq-hqie-1-i1",
              text: "Every school can explain how its curriculum reflects trust principles",
            },
            { id: "tq-hqie-1-i2", text: "Subject networks meet at least termly" },
          ],
        },
        {
          id: "tq-hqie-2",
          code: "1.2",
          statement:
            "Pupils with SEND and disadvantaged pupils are included and achieve well in every school, supported by trust-wide expertise in inclusion.",
          descriptors: {
            emerging:
              "Inclusion depends on individual schools, and the trust has limited oversight of outcomes for pupils with SEND and disadvantaged pupils.",
            developing:
              "The trust monitors inclusion data and offers some central SEND support, but practice and outcomes vary markedly between schools.",
            embedded:
              "A trust-wide inclusion strategy is applied in every school, SENCOs are well networked and supported, and gaps are narrowing across the trust.",
            mastery:
              "Inclusive practice is consistently strong across the trust, evaluated for impact, and the trust contributes to improving provision in its local areas.",
          },
          evidenceExpectations: [
            "Trust inclusion strategy and SENCO network records",
            "Outcomes, attendance and suspensions for pupils with SEND and disadvantaged pupils by school",
            "Central SEND support deployment",
          ],
        },
        {
          id: "tq-hqie-3",
          code: "1.3",
          statement:
            "The trust supports every school to secure high attendance and calm, orderly behaviour, and monitors suspensions and exclusions across schools.",
          descriptors: {
            emerging:
              "Attendance and behaviour data is collected centrally, but it is not yet used to support schools.",
            developing:
              "The trust reviews attendance and suspension data with schools and offers some support, but follow-up varies.",
            embedded:
              "Shared approaches to attendance and behaviour are applied in every school, data is reviewed regularly, and support is targeted where it is needed.",
            mastery:
              "Attendance is high and suspensions low across the trust, and its approaches are evaluated and shared with schools beyond the trust.",
          },
          evidenceExpectations: [
            "Trust-wide attendance and suspension data by school and group",
            "Attendance and behaviour network records",
          ],
        },
        {
          id: "tq-hqie-4",
          code: "1.4",
          statement:
            "Every pupil benefits from a rich personal development offer, with trust-wide opportunities that no single school could offer alone.",
          descriptors: {
            emerging:
              "Personal development varies widely between schools, and the trust has no shared view of entitlement.",
            developing:
              "A trust entitlement is agreed and some shared opportunities run, but participation is not tracked across schools.",
            embedded:
              "Every school delivers the agreed entitlement, participation is tracked, and trust-wide events reach pupils in every school.",
            mastery:
              "The offer is evaluated for impact on pupils, especially the disadvantaged, and is developed with partners beyond the trust.",
          },
          evidenceExpectations: [
            "Personal development entitlement statement",
            "Participation data across schools",
            "Programme of trust-wide events",
          ],
        },
      ],
    },

    // 2. School improvement
    {
      id: "school-improvement",
      title: "School improvement",
      summary:
        "How well the trust knows its schools and deploys support and expertise so that every school improves and improvement is sustained.",
      scaleKey: "progression-4",
      criteria: [
        {
          id: "tq-school-improvement-1",
          code: "2.1",
          statement:
            "The trust has an accurate, up-to-date understanding of each school's strengths and areas for development.",
          descriptors: {
            emerging:
              "The trust's view of its schools relies mainly on published results and inspection reports.",
            developing:
              "A quality assurance cycle and shared self-evaluation are in place, but judgements are not always consistent between schools.",
            embedded:
              "A consistent cycle of self-evaluation, validation and data review gives an accurate, shared view of every school, area by area.",
            mastery:
              "The trust's evaluation is consistently accurate, anticipates emerging risks, and is externally validated as a model of good practice.",
          },
          evidenceExpectations: [
            "Quality assurance cycle and school review reports",
            "School self-evaluations and validation outcomes",
            "Trust-wide heat map of schools and areas",
          ],
          indicators: [
            {
              id: "tq-school-improvement-1-i1",
              text: "Every school completes the shared self-evaluation each year",
            },
            {
              id: "tq-school-improvement-1-i2",
              text: "Self-evaluation judgements are validated by leaders from another school",
            },
          ],
        },
        {
          id: "tq-school-improvement-2",
          code: "2.2",
          statement:
            "Support is matched to each school's needs and deployed promptly, including for schools that join the trust.",
          descriptors: {
            emerging: "Support is offered reactively, usually after a concern has become serious.",
            developing:
              "Support is tiered by need, but it is sometimes slow to arrive and its intensity does not always match the need.",
            embedded:
              "Support is tiered, agreed with school leaders, deployed promptly and reviewed against clear success measures, including for joining schools.",
            mastery:
              "Support consistently turns schools around and sustains improvement, and the trust's model is used to support schools beyond the trust.",
          },
          evidenceExpectations: [
            "School support plans and their reviews",
            "Integration plans for schools that have joined",
          ],
        },
        {
          id: "tq-school-improvement-3",
          code: "2.3",
          statement:
            "Expertise is shared across the trust through centres of expertise, peer review and schools working together.",
          descriptors: {
            emerging:
              "Collaboration between schools is informal and depends on individual relationships.",
            developing:
              "Networks and some peer review take place, but strong practice in one school is not yet systematically shared with others.",
            embedded:
              "Centres of expertise are identified, schools are paired for support, and joint work between schools improves practice across the trust.",
            mastery:
              "Collaboration is self-sustaining and evaluated for impact, and the trust's expertise supports schools across the wider system.",
          },
          evidenceExpectations: [
            "Centres of expertise and school pairings",
            "Peer review records and joint practice projects",
          ],
        },
        {
          id: "tq-school-improvement-4",
          code: "2.4",
          statement:
            "The trust evaluates the impact of its school improvement work and can show that schools improve and sustain improvement.",
          descriptors: {
            emerging: "School improvement activity is recorded, but its impact is not evaluated.",
            developing:
              "Some evaluation takes place, but it focuses on activity more than on outcomes for pupils.",
            embedded:
              "Improvement work is evaluated against outcomes for pupils, and schools' judgements move forward and stay there across cycles.",
            mastery:
              "The trust has a sustained record of improving schools, and its evaluation informs practice beyond the trust.",
          },
          evidenceExpectations: [
            "Trends in school judgements across cycles",
            "Evaluations of school improvement programmes",
          ],
        },
      ],
    },

    // 3. Workforce
    {
      id: "workforce",
      title: "Workforce",
      summary:
        "How well the trust recruits, develops, retains and looks after its staff, and grows its future leaders.",
      scaleKey: "progression-4",
      criteria: [
        {
          id: "tq-workforce-1",
          code: "3.1",
          statement:
            "The trust plans its workforce strategically, recruiting and retaining the staff its schools need.",
          descriptors: {
            emerging:
              "Recruitment is handled school by school, and the trust has little data on vacancies, turnover or future needs.",
            developing:
              "The trust collects workforce data and supports recruitment, but planning is mainly short term.",
            embedded:
              "A workforce strategy based on data anticipates needs, shared recruitment is effective, and retention is monitored and improving across schools.",
            mastery:
              "Recruitment and retention are consistently strong, and the trust's workforce approach is recognised and shared beyond the trust.",
          },
          evidenceExpectations: [
            "Workforce strategy and data on vacancies, turnover and retention",
            "Recruitment campaigns and outcomes",
          ],
        },
        {
          id: "tq-workforce-2",
          code: "3.2",
          statement:
            "Staff at every stage have high-quality professional development and clear career pathways, including for support staff.",
          descriptors: {
            emerging:
              "Professional development is arranged by each school, and career pathways across the trust are not defined.",
            developing:
              "A trust programme and some pathways exist, but access and quality vary between schools and roles.",
            embedded:
              "Every member of staff has access to a coherent, evidence-informed programme, early career teachers are well supported, and pathways are clear.",
            mastery:
              "Professional development is evaluated for impact on pupils, and the trust contributes to teacher and leader development beyond its schools.",
          },
          evidenceExpectations: [
            "Trust professional development programme and evaluation",
            "Career pathways, including for support staff",
            "Early career teacher and NPQ participation",
          ],
          indicators: [
            {
              id: "tq-workforce-2-i1",
              text: "Support staff have a development entitlement",
            },
            {
              id: "tq-workforce-2-i2",
              text: "NPQ participation is tracked across schools",
            },
          ],
        },
        {
          id: "tq-workforce-3",
          code: "3.3",
          statement:
            "The trust takes account of staff workload and well-being in its policies and decisions, and acts on staff voice.",
          descriptors: {
            emerging:
              "Staff well-being is left to individual schools, and trust decisions rarely consider their effect on workload.",
            developing:
              "The trust surveys staff and has made some changes, but workload impact is not routinely considered.",
            embedded:
              "Staff are surveyed regularly, results are acted on, and every new trust policy is checked for its effect on workload.",
            mastery:
              "Staff well-being and engagement are consistently high, and the trust's approach is shared as good practice beyond the trust.",
          },
          evidenceExpectations: [
            "Staff survey results and actions taken",
            "Workload impact checks on trust policies",
            "Staff absence data",
          ],
        },
        {
          id: "tq-workforce-4",
          code: "3.4",
          statement:
            "The trust identifies and develops future leaders and plans for succession in key roles.",
          descriptors: {
            emerging: "Leadership vacancies are filled as they arise, with no planned succession.",
            developing:
              "Potential leaders are identified and some development is offered, but succession planning is informal.",
            embedded:
              "Talent is identified systematically, leaders gain experience across schools, and succession plans exist for key roles.",
            mastery:
              "Leadership appointments are routinely filled from within, and the trust develops leaders for the wider system.",
          },
          evidenceExpectations: [
            "Succession plans for key roles",
            "Leadership development programme and internal appointments",
          ],
        },
      ],
    },

    // 4. Finance and operations
    {
      id: "finance-operations",
      title: "Finance and operations",
      summary:
        "How well the trust manages its finances, estates and operations so that resources are sustainable and directed to pupils' education.",
      scaleKey: "progression-4",
      criteria: [
        {
          id: "tq-finance-operations-1",
          code: "4.1",
          statement:
            "The trust is financially sustainable, with multi-year budgets, a clear reserves policy and integrated curriculum and financial planning.",
          descriptors: {
            emerging:
              "Budgets are set annually, forecasting is limited, and the link between curriculum and staffing costs is not analysed.",
            developing:
              "Three-year forecasts are produced and reserves are monitored, but integrated curriculum and financial planning is not used in every school.",
            embedded:
              "Multi-year budgets, integrated curriculum and financial planning and a clear reserves policy are used consistently, and risks are anticipated.",
            mastery:
              "The trust's finances are consistently sustainable and its planning approach is recognised and shared beyond the trust.",
          },
          evidenceExpectations: [
            "Three-year budget forecasts and reserves policy",
            "Integrated curriculum and financial planning for each school",
            "Management accounts and board finance reports",
          ],
          indicators: [
            {
              id: "tq-finance-operations-1-i1",
              text: "Every school has a three-year budget forecast",
            },
            {
              id: "tq-finance-operations-1-i2",
              text: "Reserves are within the range set by the board",
            },
          ],
        },
        {
          id: "tq-finance-operations-2",
          code: "4.2",
          statement:
            "Resources are used efficiently, with benchmarking, shared services and procurement directing more money to teaching and learning.",
          descriptors: {
            emerging:
              "Schools buy services separately and spending is not compared across the trust.",
            developing:
              "Benchmarking and some shared procurement are in place, but savings are not consistently redirected to pupils.",
            embedded:
              "Spending is benchmarked, services and contracts are shared where it helps, and savings are redirected to education priorities.",
            mastery:
              "The trust is consistently efficient and evaluates the educational return on its spending, sharing its approach beyond the trust.",
          },
          evidenceExpectations: [
            "Benchmarking reports and procurement records",
            "Evidence of savings redirected to education",
          ],
        },
        {
          id: "tq-finance-operations-3",
          code: "4.3",
          statement:
            "Estates, health and safety, IT and data protection are well managed and compliant, so schools are safe and leaders can focus on education.",
          descriptors: {
            emerging:
              "Compliance is managed school by school, and the trust's oversight of condition and risk is limited.",
            developing:
              "Central oversight is in place and major risks are known, but compliance checks and planned maintenance vary.",
            embedded:
              "A trust estates strategy, compliance monitoring and reliable IT and data protection are in place for every school.",
            mastery:
              "Operations are consistently efficient and compliant, are evaluated through school feedback, and are shared as good practice beyond the trust.",
          },
          evidenceExpectations: [
            "Estates strategy and condition surveys",
            "Health and safety and data protection compliance records",
          ],
        },
        {
          id: "tq-finance-operations-4",
          code: "4.4",
          statement:
            "Risk is managed well, with internal scrutiny and a risk register that the board uses to guide decisions.",
          descriptors: {
            emerging:
              "A risk register exists, but it is rarely reviewed and internal scrutiny is limited.",
            developing:
              "The risk register is reviewed and internal scrutiny takes place, but findings are not always followed up promptly.",
            embedded:
              "The board reviews risk regularly, internal scrutiny follows a planned programme, and findings are acted on promptly.",
            mastery:
              "Risk management is proactive and mature, and the trust's approach is used as a model beyond the trust.",
          },
          evidenceExpectations: [
            "Risk register and audit and risk committee minutes",
            "Internal scrutiny reports and action tracking",
          ],
        },
      ],
    },

    // 5. Governance and leadership
    {
      id: "governance-leadership",
      title: "Governance and leadership",
      summary:
        "How well the trust's vision, governance and leadership set direction, hold leaders to account and keep the trust accountable to its communities.",
      scaleKey: "progression-4",
      criteria: [
        {
          id: "tq-governance-leadership-1",
          code: "5.1",
          statement:
            "The trust has a clear vision, values and strategy that are understood across its schools and guide decisions.",
          descriptors: {
            emerging:
              "A vision is written down, but it is not widely known and has little influence on decisions.",
            developing:
              "Leaders know the vision and strategy, but staff in some schools are unclear how it relates to their work.",
            embedded:
              "Staff across every school can explain the trust's vision and strategy, and decisions are clearly linked to them.",
            mastery:
              "The vision shapes culture throughout the trust, is reviewed with stakeholders, and the trust contributes to the wider education system.",
          },
          evidenceExpectations: [
            "Trust strategy and annual plan",
            "Staff survey and discussion on understanding of the vision",
          ],
        },
        {
          id: "tq-governance-leadership-2",
          code: "5.2",
          statement:
            "The board has the skills it needs, holds executive leaders to account and evaluates its own effectiveness.",
          descriptors: {
            emerging:
              "The board relies mainly on executive reports, challenge is limited, and skills have not been reviewed.",
            developing:
              "A skills audit is completed and challenge is growing, but the board's own effectiveness is not yet reviewed regularly.",
            embedded:
              "The board is skills-based, challenges leaders using evidence, and reviews its own effectiveness regularly, including externally.",
            mastery:
              "Board effectiveness is consistently high and externally recognised, and trustees support governance development beyond the trust.",
          },
          evidenceExpectations: [
            "Board and committee minutes showing challenge",
            "Skills audit and board effectiveness review",
          ],
          indicators: [
            {
              id: "tq-governance-leadership-2-i1",
              text: "A board skills audit has been completed in the past year",
            },
            {
              id: "tq-governance-leadership-2-i2",
              text: "An external governance review has taken place in the past three years",
            },
          ],
        },
        {
          id: "tq-governance-leadership-3",
          code: "5.3",
          statement:
            "The scheme of delegation is clear, and local governance gives schools and their communities a real voice.",
          descriptors: {
            emerging:
              "Roles at board, executive and local level are unclear, and local governors are unsure of their remit.",
            developing:
              "A scheme of delegation is published, but it is not well understood in every school and local voice has limited influence.",
            embedded:
              "Everyone understands the scheme of delegation, local governors fulfil their role well, and community voice informs trust decisions.",
            mastery:
              "The governance model is reviewed and refined with stakeholders, and is recognised as good practice beyond the trust.",
          },
          evidenceExpectations: [
            "Scheme of delegation",
            "Local governing body minutes and training records",
          ],
        },
        {
          id: "tq-governance-leadership-4",
          code: "5.4",
          statement:
            "The trust meets its statutory and contractual duties, including safeguarding, SEND and equality, and is transparent in its reporting.",
          descriptors: {
            emerging:
              "Compliance is checked only in response to issues, and the trust's assurance on statutory duties is incomplete.",
            developing:
              "Compliance is checked regularly, but assurance on some duties varies between schools.",
            embedded:
              "The board receives regular, reliable assurance on all statutory duties in every school, and reporting is open and timely.",
            mastery:
              "Assurance is consistently robust and proactive, and the trust's reporting is a model of transparency beyond the trust.",
          },
          evidenceExpectations: [
            "Safeguarding, SEND and equality assurance reports to the board",
            "Published annual report and accounts",
          ],
        },
      ],
    },
  ],
  accreditationRule: {
    type: "none",
    note: "A trust self-review has no award: it shows where the trust's practice is secure and where to develop.",
  },
};
