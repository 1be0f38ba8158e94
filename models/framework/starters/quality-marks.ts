import type { AccreditationRule, AwardTier, FrameworkContent, Scale } from "../types.ts";

/**
 * Starter frameworks: six trust quality marks, each aligned to one of the graded evaluation
 * areas of Ofsted's school inspection framework from November 2025. Descriptors are written for
 * this product and follow "secure fit": leading builds on secure and includes sharing practice
 * with other schools in the trust. Awards last three years.
 */

/** The one four-level scale every quality mark is judged on, lowest first. */
export const qualityMarkScale: Scale = {
  key: "mark-4",
  name: "Quality mark scale",
  levels: [
    {
      key: "emerging",
      label: "Emerging",
      colour: "#8a4b00",
      meaning:
        "Starting out: this practice is recognised as a priority, and the first steps are under way.",
    },
    {
      key: "developing",
      label: "Developing",
      colour: "#1f5fa8",
      meaning:
        "On the way: the practice is in place in parts, and the next steps to make it consistent are clear.",
    },
    {
      key: "secure",
      label: "Secure",
      colour: "#0f6e5a",
      meaning:
        "Firm ground: the practice is consistent across the school and making a clear difference to pupils.",
    },
    {
      key: "leading",
      label: "Leading",
      colour: "#5b3a99",
      meaning:
        "Leading the way: secure practice, refined further and shared to help other schools in the trust.",
    },
  ],
};

/** Bronze, Silver and Gold tiers, lowest first (fresh objects for each mark). */
function bronzeSilverGoldTiers(): AwardTier[] {
  return [
    {
      id: "bronze",
      name: "Bronze",
      rule: { type: "minimumLevels", everyCriterionAtLeast: "developing" },
    },
    {
      id: "silver",
      name: "Silver",
      rule: { type: "minimumLevels", everyCriterionAtLeast: "secure" },
    },
    {
      id: "gold",
      name: "Gold",
      rule: {
        type: "minimumLevels",
        everyCriterionAtLeast: "secure",
        atLeast: { count: 3, level: "leading" },
      },
    },
  ];
}

/** The rule for the lowest tier: a tiered mark is accredited once Bronze is met. */
function bronzeRule(): AccreditationRule {
  return { type: "minimumLevels", everyCriterionAtLeast: "developing" };
}

// ---------------------------------------------------------------------------------------------
// 1. Inclusion Excellence (Ofsted area: Inclusion)
// ---------------------------------------------------------------------------------------------

export const inclusionExcellence: FrameworkContent = {
  name: "Inclusion Excellence",
  description:
    "A trust quality mark for inclusion, aligned to the Inclusion area of Ofsted's school inspection framework from November 2025. It recognises schools where needs are identified early, pupils with SEND and disadvantaged pupils learn the full curriculum alongside their peers, the most vulnerable pupils are supported in partnership with families and services, and removal from the classroom is a last resort. Each criterion is placed on a four-level journey from emerging to leading; the mark is awarded at Bronze, Silver or Gold, and Gold schools share their inclusive practice with others in the trust. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "ie-a1",
      title: "Identifying and meeting needs",
      summary:
        "How early and accurately pupils' needs are identified, and how well teaching and support help every pupil learn the full curriculum.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ie-1",
          code: "1.1",
          statement:
            "Pupils' needs, including special educational needs, are identified early and accurately, and support is planned with pupils and their families.",
          guidance:
            "Consider the graduated approach (assess, plan, do, review), how quickly concerns raised by staff or parents are followed up, and whether pupil profiles are useful to teachers.",
          descriptors: {
            emerging:
              "Needs are often identified late, usually once difficulties are significant. Support plans exist for some pupils but are rarely shared with staff or families.",
            developing:
              "A clear referral route is in place and most needs are picked up in good time, but the quality of support plans and reviews varies between classes.",
            secure:
              "Needs are identified early through an agreed assess–plan–do–review cycle. Pupils and families help write support plans, which teachers know and use, and reviews happen on time.",
            leading:
              "Building on secure practice, early identification is sharp from entry onwards and plans are refined by their impact. The SENCO shares tools and training with other schools in the trust.",
          },
          evidenceExpectations: [
            "SEND register with dates of identification and review",
            "A sample of pupil support plans and review notes",
            "Parent and carer feedback on how they are involved in planning",
          ],
          indicators: [
            {
              id: "ie-1-i1",
              text: "Concerns raised by staff or parents are followed up within an agreed time",
            },
            {
              id: "ie-1-i2",
              text: "Support plans are written with the pupil and family and reviewed at least termly",
            },
            {
              id: "ie-1-i3",
              text: "Teachers can describe the needs and strategies for pupils they teach",
            },
          ],
        },
        {
          id: "ie-2",
          code: "1.2",
          statement:
            "Pupils with SEND and disadvantaged pupils learn the same ambitious curriculum as their peers, through well-chosen adaptations in the classroom.",
          guidance:
            "Look at whether adaptations keep the ambition of the curriculum intact, rather than reducing what pupils are expected to learn.",
          descriptors: {
            emerging:
              "Pupils with SEND often work on separate or simplified tasks, and some regularly miss parts of the curriculum.",
            developing:
              "Several teachers adapt well, but practice is inconsistent across subjects and year groups, and expectations for some pupils remain too low.",
            secure:
              "Teachers routinely adapt teaching, resources and scaffolds so that pupils with SEND and disadvantaged pupils access the full curriculum, and their work shows the same content as their peers.",
            leading:
              "Building on secure practice, adaptive teaching is a shared strength in every subject and these pupils achieve well. Staff lead professional development on adaptive teaching across the trust.",
          },
          evidenceExpectations: [
            "Lesson visits and work scrutiny focused on pupils with SEND and disadvantaged pupils",
            "Pupil voice from pupils with SEND about their learning",
            "Curriculum plans showing planned adaptations",
          ],
        },
        {
          id: "ie-3",
          code: "1.3",
          statement:
            "Teaching assistants, interventions and specialist advice are deployed where they make most difference, and their impact is checked.",
          descriptors: {
            emerging:
              "Interventions and adult support are allocated by habit rather than need, and their impact is not checked.",
            developing:
              "Interventions are planned and some are evaluated, but teaching assistants are not always well briefed and pupils sometimes miss key lessons to attend them.",
            secure:
              "Support staff are well trained and briefed, interventions are time-limited with clear entry and exit points, and leaders stop approaches that do not help.",
            leading:
              "Building on secure practice, the school evaluates its interventions rigorously and shares what works with other schools in the trust.",
          },
          evidenceExpectations: [
            "Intervention map with entry and exit data",
            "Teaching assistant deployment and training records",
            "Notes of specialist advice and how it was acted on",
          ],
        },
      ],
    },
    {
      id: "ie-a2",
      title: "Removing barriers for disadvantaged and vulnerable pupils",
      summary:
        "How well additional funding and partnership work remove the barriers faced by disadvantaged pupils and the most vulnerable.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ie-4",
          code: "2.1",
          statement:
            "Leaders use the pupil premium and other additional funding on approaches that address pupils' identified barriers, and evaluate the difference made.",
          guidance: "Focus on outcomes for pupils, not on the activities funded.",
          descriptors: {
            emerging:
              "Funding is spent, but leaders cannot yet show how it links to pupils' barriers or what it achieves.",
            developing:
              "The strategy is based on identified barriers and some evaluation takes place, but gaps are not yet narrowing consistently.",
            secure:
              "The strategy rests on an accurate view of barriers and on research evidence, impact is reviewed regularly, and gaps in attendance and attainment are narrowing.",
            leading:
              "Building on secure practice, gaps have narrowed securely over time, and the school's evaluation of what works informs other schools' strategies across the trust.",
          },
          evidenceExpectations: [
            "Pupil premium strategy statement and its latest review",
            "Attendance and attainment of disadvantaged pupils over three years",
            "Governor minutes showing challenge on the impact of funding",
          ],
        },
        {
          id: "ie-5",
          code: "2.2",
          statement:
            "The most vulnerable pupils, including looked-after children, young carers and pupils known to social care, are supported in partnership with families and external services.",
          guidance:
            "Consider personal education plans, EHCP annual reviews and how well the school follows up multi-agency actions.",
          descriptors: {
            emerging:
              "Vulnerable pupils are known to leaders, but contact with families and services is reactive and reviews sometimes slip.",
            developing:
              "Partnerships work well for some pupils, but communication and follow-up depend on individual staff.",
            secure:
              "Families are involved in planning support, statutory reviews happen on time, external advice is acted on, and vulnerable pupils' attendance and progress are tracked closely.",
            leading:
              "Building on secure practice, multi-agency work is well co-ordinated and families feel heard. The school helps other schools in the trust to build effective partnerships.",
          },
          evidenceExpectations: [
            "Personal education plans and EHCP annual review records",
            "Records of multi-agency work and the actions that followed",
            "Family feedback on communication and support",
          ],
          indicators: [
            { id: "ie-5-i1", text: "Statutory reviews and PEPs are held on time" },
            {
              id: "ie-5-i2",
              text: "Each vulnerable pupil has a named adult who knows them well",
            },
          ],
        },
      ],
    },
    {
      id: "ie-a3",
      title: "An inclusive culture",
      summary:
        "Whether every pupil belongs, and whether staff have the knowledge and leadership to include them.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ie-6",
          code: "3.1",
          statement:
            "Suspensions, part-time timetables, internal exclusion and alternative provision are used only as a last resort, and are kept under close review.",
          descriptors: {
            emerging:
              "Removal from class or school is used frequently, and leaders do not yet analyse who is affected or why.",
            developing:
              "Leaders review patterns and are reducing removal for some groups, but pupils with SEND or who are disadvantaged remain over-represented.",
            secure:
              "Removal is rare and proportionate, every part-time timetable has a review date and a plan back to full time, and no group is over-represented without action being taken.",
            leading:
              "Building on secure practice, preventative approaches keep almost every pupil in class, and leaders support other schools in the trust to reduce exclusion.",
          },
          evidenceExpectations: [
            "Suspension, internal exclusion and part-time timetable data by pupil group",
            "Alternative provision records, including quality checks and attendance",
            "Reintegration plans for a sample of pupils",
          ],
          indicators: [
            {
              id: "ie-6-i1",
              text: "Every part-time timetable is time-limited, agreed with the family and reviewed",
            },
            {
              id: "ie-6-i2",
              text: "Pupils with SEND are not over-represented in suspensions",
            },
            {
              id: "ie-6-i3",
              text: "Pupils in alternative provision are visited and their progress checked",
            },
          ],
        },
        {
          id: "ie-7",
          code: "3.2",
          statement:
            "Staff have the knowledge and training to include every pupil, led by a SENCO with the time, expertise and influence to shape practice.",
          descriptors: {
            emerging:
              "SEND training is occasional, and the SENCO's role is mainly administrative, with little influence on teaching.",
            developing:
              "A programme of SEND training is in place and the SENCO is part of leadership discussions, but training is not yet reflected consistently in classrooms.",
            secure:
              "Staff receive regular, well-chosen training on inclusion, the SENCO has protected time and sits on the senior team, and inclusion shapes school priorities.",
            leading:
              "Building on secure practice, inclusion is everyone's expertise, and the SENCO and staff lead training and networks for other schools in the trust.",
          },
          evidenceExpectations: [
            "SEND and inclusion training records and staff survey",
            "SENCO time allocation and role description",
            "School improvement plan showing inclusion priorities",
          ],
          indicators: [
            { id: "ie-7-i1", text: "SENCO holds the NPQ for SENCOs or is working towards it" },
            { id: "ie-7-i2", text: "All staff have had inclusion training this year" },
          ],
        },
      ],
    },
  ],
  accreditationRule: bronzeRule(),
  awardTiers: bronzeSilverGoldTiers(),
};

// ---------------------------------------------------------------------------------------------
// 2. Behaviour and Attendance Standard (Ofsted area: Attendance and behaviour)
// ---------------------------------------------------------------------------------------------

export const behaviourAttendanceStandard: FrameworkContent = {
  name: "Behaviour and Attendance Standard",
  description:
    "A trust quality mark for attendance and behaviour, aligned to the Attendance and behaviour area of Ofsted's school inspection framework from November 2025. It recognises schools where attendance is understood and improving, persistent absence is tackled through early, supportive work with families, routines and high expectations make classrooms calm and purposeful, and suspensions are used fairly and as a last resort. Each criterion is placed on a four-level journey from emerging to leading, and the standard is awarded when every criterion is at least secure. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "ba-a1",
      title: "Attendance",
      summary:
        "How well the school understands attendance, and how effectively it works with families to get every pupil to school, every day.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ba-1",
          code: "1.1",
          statement:
            "Leaders have an accurate, up-to-date picture of attendance and act quickly on emerging patterns, including persistent and severe absence.",
          guidance:
            "Consider how often attendance data is analysed, for which groups, and how quickly a pupil whose attendance is slipping is noticed.",
          descriptors: {
            emerging:
              "Attendance is recorded, but analysis is occasional and pupils are often persistently absent before anyone acts.",
            developing:
              "Data is analysed regularly and an attendance lead is in place, but follow-up is inconsistent and persistent absence is not yet falling.",
            secure:
              "Attendance is analysed weekly by pupil and group, slipping attendance triggers early action, and persistent and severe absence are falling.",
            leading:
              "Building on secure practice, attendance is high and sustained for all groups, and the attendance lead shares tools and approaches with other schools in the trust.",
          },
          evidenceExpectations: [
            "Attendance and persistent absence data over three years, by group",
            "Attendance meeting notes and action tracking",
            "Attendance policy and staff roles",
          ],
          indicators: [
            {
              id: "ba-1-i1",
              text: "First-day calling happens for every unexplained absence",
            },
            {
              id: "ba-1-i2",
              text: "Attendance of every pupil below 95% is reviewed fortnightly",
            },
            {
              id: "ba-1-i3",
              text: "Persistent absence rate is below the national figure or falling",
            },
          ],
        },
        {
          id: "ba-2",
          code: "1.2",
          statement:
            "The school works with families and partners to remove barriers to attendance, offering support first and using formal measures proportionately.",
          descriptors: {
            emerging:
              "Contact with families about absence is mainly by letter, and barriers behind absence are rarely explored.",
            developing:
              "Staff meet families of persistently absent pupils, but support plans are not always followed through or reviewed.",
            secure:
              "Families are met early to understand barriers, support plans are agreed and reviewed, and the local authority and other services are involved when needed.",
            leading:
              "Building on secure practice, families see the school as a partner, severe absence is rare, and the school's family-support model is used by other schools in the trust.",
          },
          evidenceExpectations: [
            "Attendance support plans for a sample of pupils",
            "Records of work with the local authority and other services",
            "Family feedback on attendance support",
          ],
        },
        {
          id: "ba-3",
          code: "1.3",
          statement:
            "Pupils whose attendance is typically lower, including disadvantaged pupils and pupils with SEND, attend well and their attendance is improving.",
          descriptors: {
            emerging:
              "Attendance gaps between groups are wide and leaders have not yet identified the causes.",
            developing:
              "Leaders know the gaps and have targeted actions in place, but improvement is not yet sustained.",
            secure:
              "Targeted work, including reasonable adjustments for pupils with SEND, is narrowing attendance gaps between groups year on year.",
            leading:
              "Building on secure practice, attendance gaps are small and sustained, and the school helps other schools in the trust to close theirs.",
          },
          evidenceExpectations: [
            "Attendance data for disadvantaged pupils and pupils with SEND compared with others",
            "Records of reasonable adjustments made to support attendance",
          ],
        },
      ],
    },
    {
      id: "ba-a2",
      title: "Behaviour and routines",
      summary:
        "Whether clear routines and high expectations, taught and applied consistently, make the school calm, orderly and safe.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ba-4",
          code: "2.1",
          statement:
            "Clear routines and high expectations, applied consistently by all staff, create calm, purposeful classrooms and orderly social times.",
          guidance:
            "Look at corridors, lunchtimes and lessons with supply or new staff as well as typical lessons.",
          descriptors: {
            emerging:
              "Expectations are written down, but staff apply them differently and low-level disruption often interrupts learning.",
            developing:
              "Routines are in place in most classrooms, but consistency drops at unstructured times and with less experienced staff.",
            secure:
              "Routines are taught, practised and applied by every adult, lessons flow without disruption, and social times are calm and well supervised.",
            leading:
              "Building on secure practice, pupils uphold the culture themselves, and leaders support other schools in the trust to establish consistent routines.",
          },
          evidenceExpectations: [
            "Behaviour policy and staff training on routines",
            "Behaviour logs showing trends over time",
            "Learning walks, including at social times",
          ],
          indicators: [
            {
              id: "ba-4-i1",
              text: "Lessons start promptly with an established routine",
            },
            {
              id: "ba-4-i2",
              text: "Low-level disruption is rare in lessons observed",
            },
            {
              id: "ba-4-i3",
              text: "Staff and pupils describe the same expectations",
            },
          ],
        },
        {
          id: "ba-5",
          code: "2.2",
          statement:
            "Pupils are taught how to behave well and feel safe, bullying and discrimination are rare, and any incidents are dealt with effectively.",
          descriptors: {
            emerging:
              "Pupils report that bullying or unkind behaviour happens and is not always dealt with, and behaviour is mainly managed through sanctions.",
            developing:
              "Expected behaviour is taught and most incidents are resolved, but some pupils lack confidence that staff will act.",
            secure:
              "Behaviour is taught explicitly, with reasonable adjustments for pupils with SEND. Pupils say they feel safe, and incidents of bullying or discrimination are recorded, followed up and resolved.",
            leading:
              "Building on secure practice, pupils lead anti-bullying and peer-support work, and the school shares its approach with other schools in the trust.",
          },
          evidenceExpectations: [
            "Pupil survey on feeling safe and on bullying",
            "Bullying and discrimination logs with follow-up",
            "Behaviour curriculum or teaching plans",
          ],
        },
      ],
    },
    {
      id: "ba-a3",
      title: "Suspensions and exclusions",
      summary:
        "Whether suspensions and exclusions are fair, rare and followed by effective reintegration.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ba-6",
          code: "3.1",
          statement:
            "Suspensions and exclusions are used fairly and as a last resort, patterns are analysed, and pupils are reintegrated well.",
          descriptors: {
            emerging:
              "Suspensions are frequent or rising, repeat suspensions are common, and patterns by group are not analysed.",
            developing:
              "Leaders analyse suspension data and have begun preventative work, but repeat suspensions and group differences remain.",
            secure:
              "Suspensions are rare and proportionate, every pupil returning has a reintegration meeting and plan, and differences between groups are analysed and acted on.",
            leading:
              "Building on secure practice, suspensions are consistently low, and the school's preventative approaches are adopted by other schools in the trust.",
          },
          evidenceExpectations: [
            "Suspension and exclusion data by group over three years",
            "Reintegration meeting records",
            "Governor minutes reviewing suspensions",
          ],
          indicators: [
            {
              id: "ba-6-i1",
              text: "Every returning pupil has a reintegration meeting with their family",
            },
            {
              id: "ba-6-i2",
              text: "Repeat suspensions are falling",
            },
          ],
        },
      ],
    },
  ],
  accreditationRule: { type: "minimumLevels", everyCriterionAtLeast: "secure" },
};

// ---------------------------------------------------------------------------------------------
// 3. Curriculum Implementation Award (Ofsted area: Curriculum and teaching)
// ---------------------------------------------------------------------------------------------

export const curriculumImplementationAward: FrameworkContent = {
  name: "Curriculum Implementation Award",
  description:
    "A trust quality mark for curriculum and teaching, aligned to the Curriculum and teaching area of Ofsted's school inspection framework from November 2025. It recognises schools with an ambitious, carefully sequenced curriculum led by knowledgeable subject leaders, teaching that helps pupils learn and remember it, reading taught systematically from the start, and assessment that informs teaching without adding burden. Each criterion is placed on a four-level journey from emerging to leading; the award needs every criterion at least secure and at least two at leading, where the school's curriculum expertise supports other schools in the trust. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "ci-a1",
      title: "Curriculum design and sequencing",
      summary:
        "How ambitious and well sequenced the curriculum is, and how well subject leaders shape and review it.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ci-1",
          code: "1.1",
          statement:
            "The curriculum sets out precisely the knowledge and skills pupils will learn, sequenced so that new learning builds on what has come before.",
          guidance:
            "Consider whether subject plans identify the essential content and the points where pupils revisit it, from early years onwards.",
          descriptors: {
            emerging:
              "Plans list topics or activities, but the knowledge pupils should learn and the order in which it builds are not yet clear.",
            developing:
              "Most subjects identify the essential knowledge and its sequence, but some remain topic-based and links across year groups are loose.",
            secure:
              "Every subject sets out the essential knowledge in a deliberate sequence, with planned revisiting, and staff can explain why content is taught when it is.",
            leading:
              "Building on secure practice, the curriculum is refined through review of what pupils remember, and subject plans are shared and used by other schools in the trust.",
          },
          evidenceExpectations: [
            "Subject curriculum plans and progression documents",
            "Subject leader and teacher discussions about sequencing",
            "Pupils' work across year groups in the same subject",
          ],
          indicators: [
            {
              id: "ci-1-i1",
              text: "Each subject identifies the essential knowledge for each year group",
            },
            {
              id: "ci-1-i2",
              text: "Plans show where earlier content is revisited and built on",
            },
          ],
        },
        {
          id: "ci-2",
          code: "1.2",
          statement:
            "Subject leaders have the expertise, time and ownership to lead their subject and check how well the curriculum is being taught and learned.",
          descriptors: {
            emerging:
              "Subject leadership is mainly about resources, and leaders have little time or training to check the quality of their subject.",
            developing:
              "Subject leaders are developing their role and carry out some monitoring, but findings do not yet lead consistently to improvement.",
            secure:
              "Subject leaders have training and protected time, check their subject through visits, work and pupil discussion, and act on what they find.",
            leading:
              "Building on secure practice, subject leaders are recognised experts and lead subject networks and training for other schools in the trust.",
          },
          evidenceExpectations: [
            "Subject leader monitoring records and action plans",
            "Subject leader training and time allocation",
          ],
        },
      ],
    },
    {
      id: "ci-a2",
      title: "Teaching and reading",
      summary:
        "How well teaching helps pupils learn and remember the curriculum, and how well every pupil is taught to read.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ci-3",
          code: "2.1",
          statement:
            "Reading is taught systematically from the start, and pupils who fall behind are helped to catch up quickly.",
          guidance:
            "In primary schools, consider the validated phonics programme and its fidelity; in secondary schools, consider how weaker readers are identified and supported.",
          descriptors: {
            emerging:
              "Approaches to teaching reading vary between classes, and pupils who struggle are not identified or supported quickly enough.",
            developing:
              "A systematic programme is in place, but staff training and fidelity vary, and catch-up support is not always well matched to need.",
            secure:
              "Reading is taught with fidelity by trained staff, books match pupils' phonics knowledge, weakest readers get daily catch-up, and a love of reading is promoted.",
            leading:
              "Building on secure practice, almost all pupils read fluently by the expected point, and the school's reading leaders train and coach staff in other schools in the trust.",
          },
          evidenceExpectations: [
            "Phonics and reading assessment data, including the phonics screening check",
            "Reading training records and fidelity checks",
            "Listening to the weakest readers read",
          ],
          indicators: [
            { id: "ci-3-i1", text: "All staff teaching reading are trained in the programme" },
            { id: "ci-3-i2", text: "Books match the sounds pupils know" },
            { id: "ci-3-i3", text: "The weakest readers read to an adult every day" },
          ],
        },
        {
          id: "ci-4",
          code: "2.2",
          statement:
            "Teachers present new content clearly, check pupils' understanding, and adapt teaching so that all pupils learn the curriculum.",
          descriptors: {
            emerging:
              "Explanations are sometimes unclear and misconceptions go unnoticed, so some pupils fall behind.",
            developing:
              "Many lessons feature clear explanations and checking for understanding, but practice is not yet consistent across the school.",
            secure:
              "Teachers explain clearly, model well, check understanding throughout and adapt in the moment, so misconceptions are addressed quickly.",
            leading:
              "Building on secure practice, teaching is consistently strong, and staff coach and share effective practice with teachers in other schools in the trust.",
          },
          evidenceExpectations: [
            "Lesson visits and coaching records",
            "Pupils' work showing misconceptions addressed",
            "Teaching and learning professional development plan",
          ],
        },
      ],
    },
    {
      id: "ci-a3",
      title: "Assessment and quality assurance",
      summary:
        "How well assessment shows what pupils know and remember, and how leaders use it to improve the curriculum.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ci-5",
          code: "3.1",
          statement:
            "Assessment checks what pupils know and remember, informs next steps in teaching, and is manageable for staff.",
          descriptors: {
            emerging:
              "Assessment is mainly summative, generates data that is rarely used, and adds to workload.",
            developing:
              "Teachers use some formative assessment well, but summative assessment is not yet aligned to the curriculum and marking demands vary.",
            secure:
              "Assessment is aligned to the essential knowledge in each subject, teachers use it to adapt teaching, and the feedback policy is efficient and understood.",
            leading:
              "Building on secure practice, assessment is sharp and proportionate, and the school's assessment models are used and moderated with other schools in the trust.",
          },
          evidenceExpectations: [
            "Assessment and feedback policy",
            "Examples of assessments aligned to curriculum plans",
            "Staff workload survey responses on assessment",
          ],
          indicators: [
            {
              id: "ci-5-i1",
              text: "Assessments test the essential knowledge set out in curriculum plans",
            },
            {
              id: "ci-5-i2",
              text: "Staff say the feedback policy is manageable",
            },
          ],
        },
        {
          id: "ci-6",
          code: "3.2",
          statement:
            "Leaders check how well the curriculum is implemented and use what they find to improve teaching and refine the curriculum.",
          descriptors: {
            emerging: "Monitoring is occasional and focuses on compliance, with little follow-up.",
            developing:
              "A quality assurance calendar is in place, but findings are not always triangulated or followed through.",
            secure:
              "Leaders draw on visits, work, pupil discussion and assessment to form an accurate view, and actions lead to measurable improvements in teaching and the curriculum.",
            leading:
              "Building on secure practice, quality assurance is developmental and trusted by staff, and leaders take part in peer review with other schools in the trust.",
          },
          evidenceExpectations: [
            "Quality assurance calendar and summary findings",
            "Curriculum review notes showing changes made",
            "Peer review reports",
          ],
        },
      ],
    },
  ],
  accreditationRule: {
    type: "minimumLevels",
    everyCriterionAtLeast: "secure",
    atLeast: { count: 2, level: "leading" },
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Personal Development Mark (Ofsted area: Personal development and well-being)
// ---------------------------------------------------------------------------------------------

export const personalDevelopmentMark: FrameworkContent = {
  name: "Personal Development Mark",
  description:
    "A trust quality mark for personal development and well-being, aligned to the Personal development and well-being area of Ofsted's school inspection framework from November 2025. It recognises schools where a well-taught personal, social, health and relationships curriculum prepares pupils for life, every pupil takes part in a rich range of wider opportunities, careers education raises aspirations, and pupils' mental and physical well-being are actively supported. Each criterion is placed on a four-level journey from emerging to leading; the mark is awarded at Bronze, Silver or Gold, and Gold schools share their practice with others in the trust. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "pd-a1",
      title: "Character, citizenship and relationships",
      summary:
        "How well pupils are taught about relationships, health, safety and citizenship, and how they take on responsibility.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "pd-1",
          code: "1.1",
          statement:
            "A planned PSHE and RSHE curriculum, including online safety, is taught well and helps pupils keep themselves safe and healthy.",
          guidance:
            "Consider the statutory relationships, sex and health education content, how it is sequenced, and how parents are consulted.",
          descriptors: {
            emerging:
              "PSHE is taught irregularly, coverage of statutory content has gaps, and pupils struggle to recall what they have learned.",
            developing:
              "A planned curriculum covers statutory content, but teaching quality varies and it is not always adapted to local risks.",
            secure:
              "The curriculum is well sequenced, covers statutory content, responds to local and online risks, and pupils can explain how to keep themselves safe.",
            leading:
              "Building on secure practice, pupils help shape the curriculum, and the school's PSHE resources and training are used by other schools in the trust.",
          },
          evidenceExpectations: [
            "PSHE and RSHE curriculum plan and parent consultation records",
            "Pupil discussions about what they have learned",
            "Local risk and safeguarding information used in planning",
          ],
          indicators: [
            {
              id: "pd-1-i1",
              text: "PSHE is timetabled weekly for every year group",
            },
            {
              id: "pd-1-i2",
              text: "Pupils can describe how to stay safe online",
            },
          ],
        },
        {
          id: "pd-2",
          code: "1.2",
          statement:
            "Pupils learn about democracy, the rule of law, respect and diversity, and take on meaningful responsibilities in school and the community.",
          descriptors: {
            emerging:
              "Opportunities to learn about citizenship and to take responsibility are limited and reach only a few pupils.",
            developing:
              "A pupil council and some leadership roles exist, but pupil voice has little influence and roles reach a narrow group.",
            secure:
              "Citizenship is taught through the curriculum, many pupils hold roles of responsibility, and pupil voice leads to visible changes.",
            leading:
              "Building on secure practice, pupils lead projects in the community, and the school's pupil leadership model is shared with other schools in the trust.",
          },
          evidenceExpectations: [
            "Pupil leadership roles and who holds them",
            "Examples of changes made through pupil voice",
            "Curriculum coverage of democracy and diversity",
          ],
        },
      ],
    },
    {
      id: "pd-a2",
      title: "Wider opportunities and careers",
      summary:
        "Whether every pupil takes part in a rich programme beyond the classroom, and how well careers education prepares them for next steps.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "pd-3",
          code: "2.1",
          statement:
            "Every pupil, especially disadvantaged pupils and pupils with SEND, takes part in a broad programme of clubs, trips and cultural experiences.",
          descriptors: {
            emerging:
              "A few clubs and trips run, but leaders do not know who takes part, and cost is a barrier for some families.",
            developing:
              "Participation is tracked and the offer is growing, but disadvantaged pupils and pupils with SEND still take part less than others.",
            secure:
              "Participation is tracked by group, barriers such as cost and transport are removed, and almost every pupil takes part in wider opportunities.",
            leading:
              "Building on secure practice, pupils help plan the programme, and the school co-ordinates shared opportunities with other schools in the trust.",
          },
          evidenceExpectations: [
            "Participation data by pupil group",
            "Enrichment programme and cultural entitlement",
            "Use of funding to remove cost barriers",
          ],
          indicators: [
            {
              id: "pd-3-i1",
              text: "Participation in clubs and trips is tracked for every pupil",
            },
            {
              id: "pd-3-i2",
              text: "Disadvantaged pupils take part at the same rate as others",
            },
          ],
        },
        {
          id: "pd-4",
          code: "2.2",
          statement:
            "Careers education raises aspirations and prepares pupils well for their next steps, including transitions between phases.",
          guidance:
            "In secondary schools, consider the Gatsby Benchmarks and the provider access requirements; in primary schools, consider encounters with the world of work and transition to secondary school.",
          descriptors: {
            emerging:
              "Careers activity is occasional and not planned across year groups, and pupils have a narrow view of possible futures.",
            developing:
              "A careers programme is planned and some benchmarks are met, but encounters with employers and guidance do not reach all pupils.",
            secure:
              "A planned programme gives every pupil encounters with employers and education providers and, in secondary, personal guidance, with destinations tracked.",
            leading:
              "Building on secure practice, pupils' aspirations and destinations are strong, and the school's careers leader supports other schools in the trust.",
          },
          evidenceExpectations: [
            "Careers programme and benchmark self-assessment",
            "Records of employer and provider encounters",
            "Destination data or transition records",
          ],
          indicators: [
            {
              id: "pd-4-i1",
              text: "Every pupil has at least one encounter with an employer each year",
            },
            {
              id: "pd-4-i2",
              text: "Destinations are tracked and used to review the programme",
            },
          ],
        },
      ],
    },
    {
      id: "pd-a3",
      title: "Well-being",
      summary: "How well the school supports pupils' mental and physical health.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "pd-5",
          code: "3.1",
          statement:
            "Pupils' mental health and well-being are actively supported, with concerns identified early and help given promptly.",
          descriptors: {
            emerging:
              "Support depends on individual staff, and pupils with emerging mental health needs are not always noticed or helped in time.",
            developing:
              "A senior mental health lead is in place and some support is available, but identification and referral are inconsistent.",
            secure:
              "A whole-school approach is led by a trained senior mental health lead, staff spot concerns early, and pupils know where to get help and receive it promptly.",
            leading:
              "Building on secure practice, well-being is embedded in school culture, and the school trains and supports staff in other schools in the trust.",
          },
          evidenceExpectations: [
            "Well-being survey results over time",
            "Mental health referral and support records",
            "Senior mental health lead training and action plan",
          ],
        },
        {
          id: "pd-6",
          code: "3.2",
          statement:
            "Pupils are helped to lead physically active, healthy lives through PE, sport, and learning about healthy eating and sleep.",
          descriptors: {
            emerging:
              "PE is taught, but few pupils are active beyond lessons and healthy living is rarely addressed.",
            developing:
              "Pupils receive regular PE and some sport, but activity levels and participation vary widely between groups.",
            secure:
              "Pupils have at least two hours of high-quality PE each week, many take part in sport and active play, and healthy living is taught well.",
            leading:
              "Building on secure practice, activity levels are high for all groups, and the school leads sport and healthy-living events for schools across the trust.",
          },
          evidenceExpectations: [
            "PE timetable and sport participation data",
            "PE and sport premium report (primary)",
            "Pupil survey on activity and healthy living",
          ],
        },
      ],
    },
  ],
  accreditationRule: bronzeRule(),
  awardTiers: bronzeSilverGoldTiers(),
};

// ---------------------------------------------------------------------------------------------
// 5. Leadership Excellence Standard (Ofsted area: Leadership and governance)
// ---------------------------------------------------------------------------------------------

export const leadershipExcellenceStandard: FrameworkContent = {
  name: "Leadership Excellence Standard",
  description:
    "A trust quality mark for leadership and governance, aligned to the Leadership and governance area of Ofsted's school inspection framework from November 2025. It recognises schools where leaders know the school accurately and improve it with focus, staff are developed well and their workload and well-being are considered, governance holds leaders to account, and the school works well with families and with other schools in the trust. Each criterion is placed on a four-level journey from emerging to leading; the standard needs every criterion at least secure and at least two at leading, where leaders support improvement beyond their own school. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "le-a1",
      title: "Vision, evaluation and improvement",
      summary:
        "How accurately leaders know the school, and how well they plan and manage improvement.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "le-1",
          code: "1.1",
          statement:
            "Leaders' self-evaluation is accurate and leads to a focused improvement plan, shared and understood by staff.",
          descriptors: {
            emerging:
              "Self-evaluation is generous or lacks evidence, and the improvement plan has too many priorities to manage.",
            developing:
              "Self-evaluation is broadly accurate, but the plan is not yet sharply focused or well understood by all staff.",
            secure:
              "Self-evaluation is accurate and evidenced, a few clear priorities have measurable success criteria, and staff can explain their part in them.",
            leading:
              "Building on secure practice, leaders' evaluation is validated by others and they lead peer review of other schools in the trust.",
          },
          evidenceExpectations: [
            "Self-evaluation summary and improvement plan",
            "Evidence behind key judgements",
            "Staff discussion of school priorities",
          ],
          indicators: [
            { id: "le-1-i1", text: "The improvement plan has no more than five priorities" },
            { id: "le-1-i2", text: "Every priority has a measurable success criterion" },
          ],
        },
        {
          id: "le-2",
          code: "1.2",
          statement:
            "Leaders manage change well: they implement priorities carefully, monitor progress and evaluate impact before moving on.",
          descriptors: {
            emerging:
              "Initiatives start frequently and are rarely evaluated, so staff are unsure what matters most.",
            developing:
              "Implementation is planned, but progress checks are irregular and impact is judged on activity rather than outcomes.",
            secure:
              "Changes are introduced deliberately with training and time, progress is monitored at set points, and impact on pupils is evaluated.",
            leading:
              "Building on secure practice, leaders' implementation approach is consistently effective and they coach leaders in other schools in the trust.",
          },
          evidenceExpectations: [
            "Implementation plans and review points",
            "Impact evaluations of recent initiatives",
          ],
        },
      ],
    },
    {
      id: "le-a2",
      title: "Staff development and well-being",
      summary:
        "How well staff are developed at every stage of their career, and how carefully their workload and well-being are considered.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "le-3",
          code: "2.1",
          statement:
            "Professional development is well planned and helps staff at every career stage, including early career teachers and aspiring leaders, to improve.",
          descriptors: {
            emerging:
              "Training is mostly one-off and not linked to school priorities or individual needs.",
            developing:
              "A programme is linked to priorities and early career teachers are supported, but follow-up in classrooms is limited.",
            secure:
              "Professional development is sequenced, linked to priorities and individual needs, includes coaching, and early career teachers and aspiring leaders are well supported.",
            leading:
              "Building on secure practice, the school is a source of expertise and leads professional development, mentoring or NPQ delivery across the trust.",
          },
          evidenceExpectations: [
            "Professional development programme and evaluation",
            "Early career and mentor support records",
            "Staff survey on professional development",
          ],
          indicators: [
            { id: "le-3-i1", text: "Every early career teacher has a trained mentor" },
            { id: "le-3-i2", text: "Coaching follows training into classrooms" },
            { id: "le-3-i3", text: "Aspiring leaders have access to NPQs" },
          ],
        },
        {
          id: "le-4",
          code: "2.2",
          statement:
            "Leaders take account of staff workload and well-being, and staff feel valued and supported.",
          descriptors: {
            emerging:
              "Workload concerns are known but not addressed, and staff turnover or absence is high.",
            developing:
              "Leaders have acted on some workload issues, but staff views are gathered irregularly and not all feel the difference.",
            secure:
              "Staff views are gathered regularly, workload is reviewed whenever policies change, and most staff say they feel valued and well supported.",
            leading:
              "Building on secure practice, retention and staff well-being are strong, and leaders share their approach with other schools in the trust.",
          },
          evidenceExpectations: [
            "Staff well-being and workload survey results",
            "Staff retention and absence data",
            "Examples of workload reductions made",
          ],
        },
      ],
    },
    {
      id: "le-a3",
      title: "Governance and partnership",
      summary:
        "How well governance holds leaders to account, and how well the school works with families and other schools.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "le-5",
          code: "3.1",
          statement:
            "Local governors and the trust know the school well, challenge and support leaders, and ensure statutory duties are met.",
          guidance:
            "Consider safeguarding, SEND, equality and health and safety duties, and how clearly the scheme of delegation sets out who does what.",
          descriptors: {
            emerging:
              "Governors rely on leaders' reports and challenge is limited, so statutory duties are not always checked.",
            developing:
              "Governors ask questions and visit, but challenge is uneven and follow-up on actions is inconsistent.",
            secure:
              "Governors understand their delegated role, challenge leaders using evidence, follow up on actions, and check that statutory duties are met.",
            leading:
              "Building on secure practice, governance is highly effective and governors support governance development in other schools in the trust.",
          },
          evidenceExpectations: [
            "Local governing body minutes showing challenge",
            "Governor visit reports",
            "Statutory duties checklist",
          ],
          indicators: [
            { id: "le-5-i1", text: "Minutes record questions and the actions that follow" },
            { id: "le-5-i2", text: "Link governors visit each term and report back" },
          ],
        },
        {
          id: "le-6",
          code: "3.2",
          statement:
            "Leaders engage parents and the community well and work with other schools in the trust to improve.",
          descriptors: {
            emerging:
              "Communication with parents is mainly one-way, and contact with other schools is occasional.",
            developing:
              "Parents' views are sought and leaders take part in trust networks, but impact on the school is limited.",
            secure:
              "Parents are well informed and their views lead to action, and leaders use trust networks and partnerships to improve the school.",
            leading:
              "Building on secure practice, the school is a centre of expertise and leads partnership work with other schools in the trust.",
          },
          evidenceExpectations: [
            "Parent survey results and actions taken",
            "Records of partnership work with other schools",
          ],
        },
      ],
    },
  ],
  accreditationRule: {
    type: "minimumLevels",
    everyCriterionAtLeast: "secure",
    atLeast: { count: 2, level: "leading" },
  },
};

// ---------------------------------------------------------------------------------------------
// 6. Achievement Standard (Ofsted area: Achievement)
// ---------------------------------------------------------------------------------------------

export const achievementStandard: FrameworkContent = {
  name: "Achievement Standard",
  description:
    "A trust quality mark for achievement, aligned to the Achievement area of Ofsted's school inspection framework from November 2025. It recognises schools where pupils achieve well in national assessments and qualifications across the key stages, disadvantaged pupils and pupils with SEND achieve as well as they can, pupils know and remember more across the curriculum and read fluently, and leaders use outcome information accurately to prepare pupils for their next stage. Each criterion is placed on a four-level journey from emerging to leading, and the standard is awarded when every criterion is at least secure. The award is valid for three years.",
  kind: "qualityMark",
  validityMonths: 36,
  scales: [qualityMarkScale],
  areas: [
    {
      id: "ach-a1",
      title: "Outcomes at key stages",
      summary:
        "How well pupils achieve in statutory assessments and qualifications, including disadvantaged pupils and pupils with SEND.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ach-1",
          code: "1.1",
          statement:
            "Pupils achieve well in statutory assessments and qualifications at each key stage, relative to their starting points.",
          guidance:
            "Use the measures relevant to the school's phases, such as the early years good level of development, the phonics screening check, key stage 2 results, Progress 8 and post-16 outcomes, and look at trends over three years.",
          descriptors: {
            emerging:
              "Outcomes are well below national figures in several measures, and the trend is not yet improving.",
            developing:
              "Outcomes are close to national figures in some measures and improving, but remain weak in others.",
            secure:
              "Outcomes are at or above national figures across most measures, and are sustained or improving over three years.",
            leading:
              "Building on secure practice, outcomes are consistently high across measures, and the school shares the practice behind them with other schools in the trust.",
          },
          evidenceExpectations: [
            "Three-year outcomes across key stages compared with national figures",
            "Internal assessment data for current cohorts",
          ],
          indicators: [
            {
              id: "ach-1-i1",
              text: "Key stage outcomes are at or above national figures",
            },
            {
              id: "ach-1-i2",
              text: "The three-year trend is stable or improving",
            },
          ],
        },
        {
          id: "ach-2",
          code: "1.2",
          statement:
            "Disadvantaged pupils and pupils with SEND achieve well, and gaps with their peers are narrowing.",
          descriptors: {
            emerging:
              "Gaps between disadvantaged pupils or pupils with SEND and their peers are wide or widening.",
            developing:
              "Gaps are known and targeted, and are narrowing in some year groups or subjects.",
            secure:
              "Disadvantaged pupils and pupils with SEND make strong progress from their starting points, and gaps are narrowing consistently.",
            leading:
              "Building on secure practice, gaps are small or closed over time, and the school supports other schools in the trust to achieve the same.",
          },
          evidenceExpectations: [
            "Outcomes for disadvantaged pupils and pupils with SEND compared with others",
            "Progress towards EHCP and support plan outcomes",
          ],
        },
      ],
    },
    {
      id: "ach-a2",
      title: "Knowledge and reading",
      summary:
        "Whether pupils know and remember more across the curriculum, and read fluently enough to access it.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ach-3",
          code: "2.1",
          statement:
            "Pupils know and remember more across the curriculum, and their work shows the depth of what they have learned.",
          descriptors: {
            emerging:
              "Pupils struggle to recall earlier learning, and their work shows gaps in essential knowledge.",
            developing:
              "Pupils remember important content in some subjects, but recall and quality of work vary between subjects and groups.",
            secure:
              "In most subjects pupils recall essential knowledge confidently, connect it to new learning, and produce work of high quality.",
            leading:
              "Building on secure practice, pupils' knowledge is deep in every subject, and the school shares examples of pupils' work and assessment with other schools in the trust.",
          },
          evidenceExpectations: [
            "Pupil discussions about what they have learned",
            "Work scrutiny across subjects",
            "Subject assessment outcomes",
          ],
          indicators: [
            {
              id: "ach-3-i1",
              text: "Pupils can explain how current learning links to earlier learning",
            },
            {
              id: "ach-3-i2",
              text: "Work in books reflects the essential knowledge in plans",
            },
          ],
        },
        {
          id: "ach-4",
          code: "2.2",
          statement:
            "Pupils read fluently and widely for their age, so they can access the full curriculum.",
          descriptors: {
            emerging:
              "Many pupils read below the expected standard for their age, and this limits their learning in other subjects.",
            developing:
              "Reading outcomes are improving, but a significant group still reads below the expected standard.",
            secure:
              "Most pupils read fluently at the expected standard, and those who do not are catching up quickly.",
            leading:
              "Building on secure practice, almost all pupils read fluently and widely, and the school helps other schools in the trust to raise reading standards.",
          },
          evidenceExpectations: [
            "Reading age or fluency assessments over time",
            "Phonics screening check and key stage 2 reading outcomes where relevant",
          ],
        },
      ],
    },
    {
      id: "ach-a3",
      title: "Using information and next steps",
      summary:
        "How well leaders use outcome information, and how well pupils are prepared for their next stage.",
      scaleKey: "mark-4",
      criteria: [
        {
          id: "ach-5",
          code: "3.1",
          statement:
            "Leaders analyse outcomes accurately, including for pupil groups, and use their findings to improve teaching and the curriculum.",
          descriptors: {
            emerging:
              "Data is collected but rarely analysed for groups, and findings do not lead to change.",
            developing:
              "Data is analysed and some findings lead to action, but analysis is not always accurate or followed through.",
            secure:
              "Analysis is accurate and proportionate, identifies the pupils and groups who need support, and leads to actions that are checked for impact.",
            leading:
              "Building on secure practice, leaders' analysis is a model for others, and they moderate and analyse outcomes jointly with other schools in the trust.",
          },
          evidenceExpectations: ["Outcome analysis and resulting actions", "Moderation records"],
        },
        {
          id: "ach-6",
          code: "3.2",
          statement:
            "Pupils are well prepared for their next stage of education, employment or training.",
          descriptors: {
            emerging:
              "Pupils are often not ready for their next stage, and destinations are not tracked.",
            developing:
              "Destinations are tracked and most pupils move on successfully, but some groups are less well prepared.",
            secure:
              "Pupils, including disadvantaged pupils and pupils with SEND, move on to appropriate and ambitious next steps, and very few leave without a sustained destination.",
            leading:
              "Building on secure practice, destinations are consistently strong, and the school shares transition practice with other schools in the trust.",
          },
          evidenceExpectations: [
            "Destination and sustained destination data",
            "Transition records and feedback from receiving settings",
          ],
          indicators: [
            {
              id: "ach-6-i1",
              text: "Destinations are tracked for every leaver",
            },
            {
              id: "ach-6-i2",
              text: "Very few pupils are not in education, employment or training after leaving",
            },
          ],
        },
      ],
    },
  ],
  accreditationRule: { type: "minimumLevels", everyCriterionAtLeast: "secure" },
};
