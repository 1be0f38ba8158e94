import type { FrameworkContent } from "../types.ts";

/**
 * Starter framework: a school's annual self-evaluation against the evaluation areas of
 * Ofsted's school inspection framework from November 2025. Descriptors are written for this
 * product (not Ofsted's wording) and follow "secure fit": strong builds on expected, and
 * exceptional adds practice shared beyond the school.
 */
export const ofsted2025SelfEvaluation: FrameworkContent = {
  name: "School self-evaluation — Ofsted 2025 areas",
  description:
    "A starter framework for a school's annual self-evaluation, organised around the evaluation areas of Ofsted's school inspection framework from November 2025. Each area except safeguarding is placed on a five-level scale from urgent improvement to exceptional, using secure fit: a school places itself at strong standard only once every expected standard is secure, and at exceptional only when strong practice is also being shared to help others beyond the school. Safeguarding is recorded as met or not met, and early years and sixth form apply only where the school has them. There is no overall grade: the aim is an honest, shared picture of where the school is on its journey, so that support goes where it is needed and strong practice is spread across the trust. Trusts can adapt the criteria, descriptors and evidence expectations to their own context.",
  kind: "schoolSelfEvaluation",
  validityMonths: 12,
  scales: [
    {
      key: "ofsted-5",
      name: "Ofsted 2025 five-level scale",
      levels: [
        {
          key: "urgent-improvement",
          label: "Urgent improvement",
          colour: "#b3261e",
          meaning:
            "The starting point for focused work: this area is a priority now, with support from the trust.",
        },
        {
          key: "needs-attention",
          label: "Needs attention",
          colour: "#8a4b00",
          meaning:
            "On the way: good practice is in place in parts, and the next steps to make it consistent are clear.",
        },
        {
          key: "expected",
          label: "Expected standard",
          colour: "#1f5fa8",
          meaning:
            "Secure ground: the standard every pupil should experience is in place consistently.",
        },
        {
          key: "strong",
          label: "Strong standard",
          colour: "#0f6e5a",
          meaning:
            "Building beyond the standard: practice is embedded, consistent and clearly making a difference.",
        },
        {
          key: "exceptional",
          label: "Exceptional",
          colour: "#5b3a99",
          meaning:
            "Leading the way: strong practice throughout, shared to help other schools on their journey.",
        },
      ],
    },
    {
      key: "met",
      name: "Met / Not met",
      levels: [
        {
          key: "not-met",
          label: "Not met",
          colour: "#b3261e",
          meaning:
            "Not there yet: the gaps found come first and are put right straight away, with the trust's help.",
        },
        {
          key: "met",
          label: "Met",
          colour: "#1b6b4a",
          meaning:
            "In place: arrangements are effective, and continued vigilance keeps them that way.",
        },
      ],
    },
  ],
  areas: [
    // 1. Safeguarding
    {
      id: "safeguarding",
      title: "Safeguarding",
      summary:
        "Whether the school's culture and arrangements keep pupils safe, so that everyone notices concerns and acts on them quickly and well.",
      scaleKey: "met",
      criteria: [
        {
          id: "sg-1",
          code: "1.1",
          statement:
            "Leaders sustain an open, vigilant safeguarding culture in which every member of staff knows their responsibilities and acts on concerns without delay.",
          guidance:
            "Consider how consistently staff recognise, record and pass on concerns, including low-level concerns about adults.",
          descriptors: {
            "not-met":
              "Some staff are unsure how to recognise or report a concern, or concerns are not always recorded and acted on promptly. Putting this right comes before any other work.",
            met: "All staff, including new and temporary staff, can explain how they would recognise and report a concern. Records show timely, proportionate action, and the designated safeguarding lead has oversight of every case.",
          },
          evidenceExpectations: [
            "Safeguarding training records and the outcomes of staff questioning",
            "A sample of concern records showing timely action and follow-up",
            "Pupil survey: feeling safe and having a trusted adult to talk to",
          ],
          indicators: [
            {
              id: "sg-1-i1",
              text: "Staff can name the designated safeguarding lead and deputies and describe the reporting route",
            },
            {
              id: "sg-1-i2",
              text: "Concerns are recorded the same day and reviewed by the safeguarding team",
            },
            {
              id: "sg-1-i3",
              text: "Low-level concerns about adults are recorded, reviewed and acted on",
            },
          ],
        },
        {
          id: "sg-2",
          code: "1.2",
          statement:
            "Safer recruitment, checks on adults and the single central record meet statutory requirements and are checked regularly.",
          guidance:
            "Include supply staff, contractors, volunteers and governors, and check that findings from trust audits have been acted on.",
          descriptors: {
            "not-met":
              "The single central record has gaps or errors, or required checks were not completed before adults began working with pupils.",
            met: "The single central record is complete and accurate, recruitment panels include someone trained in safer recruitment, and regular audits by leaders and the trust find no unresolved gaps.",
          },
          evidenceExpectations: [
            "Single central record and its most recent audit",
            "A sample of recruitment files, including references and interview notes",
            "Governor or trustee safeguarding monitoring notes",
          ],
        },
        {
          id: "sg-3",
          code: "1.3",
          statement:
            "Pupils who may be at risk receive timely, well-co-ordinated help, and the school works effectively with families and external agencies.",
          guidance:
            "Think about early help, children missing education, online safety and how leaders escalate referrals that stall.",
          descriptors: {
            "not-met":
              "Help for some pupils at risk is delayed or poorly co-ordinated, or referrals are left unchallenged when agencies do not respond.",
            met: "Pupils who need help are identified early, referrals are made and escalated where necessary, and pupils are taught how to keep themselves safe, including online.",
          },
          evidenceExpectations: [
            "Early help and referral logs, with outcomes",
            "Case chronologies for a sample of pupils",
            "Curriculum plans for online safety and relationships education",
          ],
        },
      ],
    },

    // 2. Inclusion
    {
      id: "inclusion",
      title: "Inclusion",
      summary:
        "How well the school identifies and meets the needs of pupils with SEND, disadvantaged pupils and others facing barriers, so that they thrive alongside their peers.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "incl-1",
          code: "2.1",
          statement:
            "Leaders identify pupils' needs and barriers to learning accurately and early, including special educational needs and disabilities and the effects of disadvantage.",
          guidance:
            "Consider how quickly needs are spotted on entry and during the year, and how well information reaches the adults who teach each pupil.",
          descriptors: {
            "urgent-improvement":
              "Many pupils' needs go unidentified or are identified late, and information about barriers rarely reaches classroom staff.",
            "needs-attention":
              "Processes for identifying needs exist but are applied unevenly, so some pupils wait too long or staff lack the information they need.",
            expected:
              "Needs are identified promptly through a clear, consistently used process, and staff know the needs of the pupils they teach and how to meet them.",
            strong:
              "Building on the expected standard, identification is precise and reviewed often, draws on families' and pupils' views, and the SENCO's expertise is used well across the school.",
            exceptional:
              "Building on the strong standard, the school's approach to identifying needs is recognised and used by other schools in the trust or the local area, with leaders helping them to adopt it.",
          },
          evidenceExpectations: [
            "SEND register and pupil profiles, with dates of identification",
            "Pupil premium and vulnerable-pupil tracking",
            "Staff and parent voice on how well needs are understood",
          ],
          indicators: [
            {
              id: "incl-1-i1",
              text: "Screening on entry and at transition points is completed for all pupils",
            },
            {
              id: "incl-1-i2",
              text: "Teachers can describe the needs and strategies for pupils with SEND in their classes",
            },
          ],
        },
        {
          id: "incl-2",
          code: "2.2",
          statement:
            "Pupils with SEND and disadvantaged pupils learn the same ambitious curriculum as their peers, with well-chosen adaptations and support.",
          guidance:
            "Look at whether withdrawal and alternative provision are used only where they genuinely help, and whether adaptations keep the ambition intact.",
          descriptors: {
            "urgent-improvement":
              "Pupils with SEND or who are disadvantaged are often given a reduced or lower-level curriculum, or spend much of their time away from the classroom without clear benefit.",
            "needs-attention":
              "Some teachers adapt well, but practice varies between classes and subjects, and some pupils miss important parts of the curriculum.",
            expected:
              "Teachers adapt teaching and resources so that pupils with SEND and disadvantaged pupils access the full curriculum, and any time away from class is planned and reviewed.",
            strong:
              "Building on the expected standard, adaptive teaching is a shared strength across subjects, teaching assistants are deployed effectively, and these pupils achieve well.",
            exceptional:
              "Building on the strong standard, the school's inclusive practice is modelled for and adopted by other schools, and leaders contribute to improving provision beyond the school.",
          },
          evidenceExpectations: [
            "Lesson visits and work scrutiny focused on pupils with SEND",
            "Timetables and records of any withdrawal or alternative provision",
            "Pupil voice from pupils with SEND and their families",
          ],
          indicators: [
            { id: "incl-2-i1", text: "Pupils with SEND study the full range of subjects" },
            {
              id: "incl-2-i2",
              text: "Work of pupils with SEND shows the same curriculum content as their peers",
            },
            {
              id: "incl-2-i3",
              text: "Time out of class is planned, time-limited and reviewed for impact",
            },
          ],
        },
        {
          id: "incl-3",
          code: "2.3",
          statement:
            "Leaders check the impact of additional funding and support, including the pupil premium, and change course in the light of what they find.",
          guidance: "Focus on the difference made to pupils rather than the activities funded.",
          descriptors: {
            "urgent-improvement":
              "Leaders cannot show what additional funding achieves, and gaps between disadvantaged pupils and others are wide or widening.",
            "needs-attention":
              "Spending is planned, but its impact is checked only occasionally, and some approaches continue without evidence that they help.",
            expected:
              "The pupil premium strategy is based on an accurate view of barriers, impact is evaluated regularly, and ineffective approaches are stopped or changed.",
            strong:
              "Building on the expected standard, gaps are narrowing securely over time, evaluation draws on research evidence, and governors challenge impact closely.",
            exceptional:
              "Building on the strong standard, the school's evaluation of what works is shared with and used by other schools to improve outcomes for disadvantaged pupils.",
          },
          evidenceExpectations: [
            "Pupil premium strategy statement and its latest review",
            "Attainment, attendance and progress data for disadvantaged pupils over time",
            "Governor minutes showing challenge on funding impact",
          ],
        },
        {
          id: "incl-4",
          code: "2.4",
          statement:
            "The school works in partnership with families and external services so that the most vulnerable pupils, including those known to social care, are not left behind.",
          guidance:
            "Consider looked-after and previously looked-after children, young carers, and pupils with education, health and care plans.",
          descriptors: {
            "urgent-improvement":
              "Families and external services are rarely involved, and vulnerable pupils' needs are not followed up, so they fall further behind.",
            "needs-attention":
              "Partnerships work well for some pupils, but communication is inconsistent and reviews sometimes slip.",
            expected:
              "Families are involved in planning and reviewing support, statutory reviews happen on time, and external advice is acted on.",
            strong:
              "Building on the expected standard, families report that they feel heard, multi-agency work is well co-ordinated, and vulnerable pupils' attendance and achievement improve.",
            exceptional:
              "Building on the strong standard, the school leads partnership work for other schools or the local authority, and its approach is used as a model elsewhere.",
          },
          evidenceExpectations: [
            "EHCP annual review records and personal education plans",
            "Parent and carer feedback on communication and support",
            "Records of work with external agencies and their outcomes",
          ],
        },
      ],
    },

    // 3. Curriculum and teaching
    {
      id: "curriculum-teaching",
      title: "Curriculum and teaching",
      summary:
        "How ambitious and well planned the curriculum is, and how well teaching, reading and assessment help every pupil learn it.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "ct-1",
          code: "3.1",
          statement:
            "The curriculum is ambitious and well sequenced, setting out clearly the knowledge and skills pupils should learn and when.",
          guidance:
            "Consider every subject, including the foundation subjects, and how the curriculum builds from the early years onwards.",
          descriptors: {
            "urgent-improvement":
              "The curriculum is narrow or poorly planned in many subjects, and it is unclear what pupils should learn and in what order.",
            "needs-attention":
              "Some subjects are well planned, but others lack clear sequencing or ambition, and subject leadership is uneven.",
            expected:
              "Every subject sets out what pupils should know and be able to do, in a logical order that builds on prior learning, and the curriculum is at least as ambitious as the national curriculum.",
            strong:
              "Building on the expected standard, subject leaders have deep expertise, the curriculum is reviewed regularly using evidence of what pupils remember, and links across subjects are deliberate.",
            exceptional:
              "Building on the strong standard, the school's curriculum thinking is shared with and adopted by other schools, and its subject leaders support curriculum development across the trust.",
          },
          evidenceExpectations: [
            "Curriculum maps and subject progression documents",
            "Subject leader reviews and action plans",
            "Pupil conversations about what they have learned and remembered",
          ],
        },
        {
          id: "ct-2",
          code: "3.2",
          statement:
            "Pupils learn to read fluently through a systematic synthetic phonics programme taught with fidelity, and those who fall behind catch up quickly.",
          guidance:
            "In secondary schools, consider how weaker readers are identified on entry and supported to read fluently.",
          descriptors: {
            "urgent-improvement":
              "Phonics or early reading teaching is inconsistent or not systematic, and many pupils are not reading fluently by the end of Key Stage 1 or on entry to secondary school.",
            "needs-attention":
              "A phonics programme is in place but taught unevenly, and support for pupils who fall behind is not yet timely or precise enough.",
            expected:
              "The phonics programme is taught consistently by trained staff, books match the sounds pupils know, and pupils who fall behind receive effective daily catch-up support.",
            strong:
              "Building on the expected standard, almost all pupils become fluent readers on time, staff expertise is checked and developed regularly, and support for weaker readers continues through every key stage.",
            exceptional:
              "Building on the strong standard, the school's reading leadership supports other schools to improve, for example as a trust reading lead or through an English hub.",
          },
          evidenceExpectations: [
            "Phonics screening check results and reading assessment data",
            "Records of catch-up and keep-up sessions with pupils' progress",
            "Observation of phonics lessons and listening to pupils read",
          ],
          indicators: [
            {
              id: "ct-2-i1",
              text: "All staff who teach phonics have been trained in the school's programme",
            },
            {
              id: "ct-2-i2",
              text: "Reading books are closely matched to the sounds pupils have learned",
            },
            {
              id: "ct-2-i3",
              text: "The lowest 20% of readers are identified and receive daily support",
            },
          ],
        },
        {
          id: "ct-3",
          code: "3.3",
          statement:
            "Teachers present subject matter clearly, check pupils' understanding systematically and adapt teaching to address misconceptions.",
          guidance:
            "Look for consistency across classes and subjects rather than isolated examples of excellent teaching.",
          descriptors: {
            "urgent-improvement":
              "Teaching often lacks clarity, misconceptions go unnoticed, and many pupils do not learn what is intended.",
            "needs-attention":
              "Much teaching is effective, but checking for understanding and adaptation are inconsistent between teachers or subjects.",
            expected:
              "Teachers explain clearly, routinely check what pupils have understood, and adjust teaching so that pupils learn the intended curriculum.",
            strong:
              "Building on the expected standard, teaching is consistently effective across the school, informed by a shared understanding of how pupils learn, and supported by well-targeted coaching.",
            exceptional:
              "Building on the strong standard, the school's teaching and coaching practice is shared with other schools, for example through trust professional development or teaching school partnerships.",
          },
          evidenceExpectations: [
            "Lesson visit and coaching records",
            "Samples of pupils' work over time",
            "Pupil voice on how teachers help them when they are stuck",
          ],
          indicators: [
            {
              id: "ct-3-i1",
              text: "Teachers check the understanding of all pupils, not only volunteers",
            },
            {
              id: "ct-3-i2",
              text: "Misconceptions seen in work are addressed in subsequent lessons",
            },
          ],
        },
        {
          id: "ct-4",
          code: "3.4",
          statement:
            "Assessment is used purposefully to inform teaching and curriculum decisions, without creating unnecessary workload.",
          guidance:
            "Ask what each assessment is for, who uses the information and what it changes.",
          descriptors: {
            "urgent-improvement":
              "Assessment is infrequent or unreliable, or generates large amounts of data that are not used to improve teaching.",
            "needs-attention":
              "Assessment information is collected, but it is used inconsistently, and some practices add workload without benefit.",
            expected:
              "Assessment checks what pupils have learned of the curriculum, information is used to plan teaching and support, and data collection is proportionate.",
            strong:
              "Building on the expected standard, assessment is closely aligned to the curriculum, leaders use it to refine the curriculum, and staff say assessment workload is manageable.",
            exceptional:
              "Building on the strong standard, the school's assessment approach has been shared with and adopted by other schools to reduce workload and improve accuracy.",
          },
          evidenceExpectations: [
            "Assessment calendar and policy",
            "Examples of changes to teaching or the curriculum prompted by assessment",
            "Staff workload survey responses about assessment and marking",
          ],
        },
      ],
    },

    // 4. Achievement
    {
      id: "achievement",
      title: "Achievement",
      summary:
        "What pupils, including disadvantaged pupils and those with SEND, know, can do and go on to achieve as a result of their education.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "ach-1",
          code: "4.1",
          statement:
            "Pupils, including disadvantaged pupils and those with SEND, achieve well in national tests, assessments and qualifications.",
          guidance:
            "Look at trends over three years and at groups, not one year's headline figure.",
          descriptors: {
            "urgent-improvement":
              "Outcomes are well below national figures for many pupils, and disadvantaged pupils or those with SEND achieve particularly poorly.",
            "needs-attention":
              "Outcomes are close to national figures for some pupils or subjects, but gaps for particular groups remain wide or results are inconsistent over time.",
            expected:
              "Outcomes are broadly in line with or above national figures, and disadvantaged pupils and those with SEND achieve well from their starting points.",
            strong:
              "Building on the expected standard, outcomes are consistently high across subjects and groups over several years, and gaps for disadvantaged pupils are closing securely.",
            exceptional:
              "Building on the strong standard, outcomes are among the highest for similar schools, and the school helps others to raise achievement, particularly for disadvantaged pupils.",
          },
          evidenceExpectations: [
            "Published results and three-year trends by pupil group",
            "Internal assessment data compared with national benchmarks",
            "Progress of pupils with SEND against their targets",
          ],
          indicators: [
            {
              id: "ach-1-i1",
              text: "Disadvantaged pupils' results are improving over three years",
            },
            { id: "ach-1-i2", text: "Pupils with SEND meet the targets in their support plans" },
          ],
        },
        {
          id: "ach-2",
          code: "4.2",
          statement:
            "Pupils know and remember more of the curriculum over time, shown in their work and in what they can explain.",
          guidance: "Combine talking with pupils about their learning with looking at their books.",
          descriptors: {
            "urgent-improvement":
              "Pupils remember little of what they have been taught, and their work shows gaps in important knowledge across many subjects.",
            "needs-attention":
              "Pupils remember key content in some subjects but not others, and the quality of work varies considerably.",
            expected:
              "Pupils can recall and use important knowledge from earlier in the curriculum, and their work shows secure progress in most subjects.",
            strong:
              "Building on the expected standard, pupils make connections across topics and subjects and explain their learning with confidence, and work is of high quality in all subjects.",
            exceptional:
              "Building on the strong standard, the quality of pupils' work is used as an exemplar across the trust, and the school supports others to strengthen pupils' long-term learning.",
          },
          evidenceExpectations: [
            "Pupil conversations across year groups and subjects",
            "Samples of work showing progression over time",
            "Outcomes of low-stakes retrieval quizzes",
          ],
          indicators: [
            {
              id: "ach-2-i1",
              text: "Pupils can recall knowledge taught in previous terms and years",
            },
            { id: "ach-2-i2", text: "Work shows increasing depth across a unit and across years" },
          ],
        },
        {
          id: "ach-3",
          code: "4.3",
          statement:
            "Pupils read widely and often, with the fluency and comprehension they need to access the whole curriculum.",
          guidance:
            "Consider reading across subjects and reading for pleasure, not only test scores.",
          descriptors: {
            "urgent-improvement":
              "Many pupils cannot read well enough to access the curriculum, and few read for pleasure.",
            "needs-attention":
              "Most pupils read adequately, but a significant minority struggle with fluency or comprehension, and wider reading is limited.",
            expected:
              "Pupils read fluently and with understanding for their age, and most read regularly for pleasure from a range of texts.",
            strong:
              "Building on the expected standard, pupils read widely and with enthusiasm, including challenging texts across subjects, and weaker readers catch up quickly.",
            exceptional:
              "Building on the strong standard, the school's reading culture is recognised beyond the school and leaders help other schools to develop it.",
          },
          evidenceExpectations: [
            "Reading age or fluency data over time",
            "Library and reading-for-pleasure records",
            "Listening to pupils read and talking about books",
          ],
        },
        {
          id: "ach-4",
          code: "4.4",
          statement:
            "Pupils are well prepared for their next stage of education, employment or training.",
          guidance:
            "For primary schools, consider readiness for secondary school; for secondary schools, consider destinations and the proportion not in education, employment or training.",
          descriptors: {
            "urgent-improvement":
              "Many pupils move on without the knowledge, skills or qualifications they need, and too many are not in education, employment or training.",
            "needs-attention":
              "Most pupils move on successfully, but some groups are less well prepared and transition support is inconsistent.",
            expected:
              "Pupils leave with the knowledge and qualifications they need for their next step, and almost all move on to suitable destinations.",
            strong:
              "Building on the expected standard, destinations are ambitious and sustained for all groups, and the school tracks and acts on how pupils fare after they leave.",
            exceptional:
              "Building on the strong standard, the school's transition and destinations work is shared with and used by other schools in the trust or area.",
          },
          evidenceExpectations: [
            "Destinations data, including sustained destinations",
            "Transition records and feedback from receiving schools or providers",
            "Former pupils' or receiving settings' views",
          ],
        },
      ],
    },

    // 5. Attendance and behaviour
    {
      id: "attendance-behaviour",
      title: "Attendance and behaviour",
      summary:
        "How well the school secures high attendance and a calm, respectful environment in which every pupil can learn.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "ab-1",
          code: "5.1",
          statement:
            "Attendance is high and improving, and leaders act swiftly and supportively to reduce persistent and severe absence.",
          guidance:
            "Compare attendance for disadvantaged pupils and pupils with SEND with that of their peers, and look at the trend as well as the level.",
          descriptors: {
            "urgent-improvement":
              "Attendance is low and persistent absence is high, and leaders' actions are not yet making a difference.",
            "needs-attention":
              "Attendance is improving for some pupils, but persistent absence remains high for particular groups, and follow-up is inconsistent.",
            expected:
              "Attendance is in line with or above national figures, absence is followed up promptly, and families receive support to remove barriers to attendance.",
            strong:
              "Building on the expected standard, attendance is high for all groups, persistent absence is reducing securely, and early intervention prevents patterns of absence from forming.",
            exceptional:
              "Building on the strong standard, the school's attendance work is a model used by other schools, and leaders help others to reduce persistent absence.",
          },
          evidenceExpectations: [
            "Attendance and persistent absence data by pupil group over three years",
            "Attendance improvement plans for individual pupils",
            "Records of contact with families and external support",
          ],
          indicators: [
            {
              id: "ab-1-i1",
              text: "First-day absence calls are made for every unexplained absence",
            },
            { id: "ab-1-i2", text: "Persistent absence for disadvantaged pupils is falling" },
            { id: "ab-1-i3", text: "Every persistently absent pupil has an agreed support plan" },
          ],
        },
        {
          id: "ab-2",
          code: "5.2",
          statement:
            "Clear, consistently applied routines and high expectations create a calm and orderly environment in which pupils can learn.",
          guidance: "Consider corridors, playgrounds and unstructured times as well as lessons.",
          descriptors: {
            "urgent-improvement":
              "Low-level disruption is common and learning is frequently interrupted, and staff apply expectations inconsistently.",
            "needs-attention":
              "Behaviour is generally calm, but routines are applied unevenly and disruption occurs in some classes or at certain times.",
            expected:
              "Routines are well established and applied consistently, lessons are rarely disrupted, and pupils behave well around the school.",
            strong:
              "Building on the expected standard, pupils manage their own behaviour well without reminders, staff feel well supported, and behaviour incidents continue to fall.",
            exceptional:
              "Building on the strong standard, the school's behaviour culture is shared with other schools, and leaders support them to establish calm, orderly environments.",
          },
          evidenceExpectations: [
            "Behaviour logs and incident trends",
            "Staff and pupil surveys on behaviour",
            "Learning walks at different times of day",
          ],
        },
        {
          id: "ab-3",
          code: "5.3",
          statement:
            "Suspensions and permanent exclusions are used appropriately and as a last resort, and their use is analysed so that they reduce over time.",
          guidance:
            "Look closely at suspensions for pupils with SEND and disadvantaged pupils, repeat suspensions and any off-rolling risk.",
          descriptors: {
            "urgent-improvement":
              "Suspensions are high or rising, particularly for pupils with SEND or disadvantaged pupils, and leaders do not analyse patterns.",
            "needs-attention":
              "Suspensions are used appropriately in most cases, but rates remain high for some groups and reintegration support is inconsistent.",
            expected:
              "Suspensions and exclusions are used lawfully and fairly, patterns are analysed, and reintegration and early support reduce repeat suspensions.",
            strong:
              "Building on the expected standard, suspensions are low and falling for all groups, and alternatives such as internal support and mentoring are used effectively.",
            exceptional:
              "Building on the strong standard, the school's approach to reducing exclusion is used by other schools and leaders contribute to local work on inclusion and exclusion.",
          },
          evidenceExpectations: [
            "Suspension and exclusion data by pupil group over three years",
            "Reintegration meeting records",
            "Governor review of exclusions",
          ],
          indicators: [
            {
              id: "ab-3-i1",
              text: "Suspension rates for pupils with SEND are no higher than for their peers",
            },
            { id: "ab-3-i2", text: "Every suspension is followed by a reintegration meeting" },
          ],
        },
        {
          id: "ab-4",
          code: "5.4",
          statement:
            "Pupils show positive attitudes to learning and treat one another with respect, and bullying, discrimination and harassment are rare and dealt with effectively.",
          guidance:
            "Check how pupils perceive bullying and whether they trust adults to deal with it.",
          descriptors: {
            "urgent-improvement":
              "Bullying or discriminatory behaviour is common, and pupils lack confidence that adults will deal with it.",
            "needs-attention":
              "Most pupils are respectful, but some report bullying that is not always resolved, and attitudes to learning vary.",
            expected:
              "Pupils are respectful and keen to learn, bullying is rare, and when it happens it is dealt with quickly and well.",
            strong:
              "Building on the expected standard, pupils actively challenge unkind or discriminatory behaviour themselves, and they are highly motivated learners.",
            exceptional:
              "Building on the strong standard, pupils and staff lead anti-bullying or respect work that is shared with other schools.",
          },
          evidenceExpectations: [
            "Bullying and prejudice-related incident logs",
            "Pupil and parent survey responses",
            "Pupil voice on attitudes and relationships",
          ],
        },
      ],
    },

    // 6. Personal development and well-being
    {
      id: "personal-development",
      title: "Personal development and well-being",
      summary:
        "How well the school supports pupils' wider development, health and well-being, and prepares them for life beyond school.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "pd-1",
          code: "6.1",
          statement:
            "A well-planned personal development programme, including relationships, sex and health education, prepares pupils for life in modern Britain.",
          guidance:
            "Consider how the programme is sequenced, how it responds to local risks and how parents are consulted.",
          descriptors: {
            "urgent-improvement":
              "The personal development programme is patchy or poorly planned, and pupils have important gaps in their understanding.",
            "needs-attention":
              "A programme is in place, but its delivery is inconsistent and pupils' recall of key content varies.",
            expected:
              "The programme is well sequenced and taught consistently, meets statutory requirements, and pupils understand how to stay healthy and build positive relationships.",
            strong:
              "Building on the expected standard, the programme responds to pupils' needs and local context, is taught by confident staff, and pupils can apply what they have learned.",
            exceptional:
              "Building on the strong standard, the school's programme is shared with other schools, and leaders help them to develop their own.",
          },
          evidenceExpectations: [
            "Personal development and RSHE curriculum plans",
            "Records of parent consultation",
            "Pupil voice on what they have learned",
          ],
        },
        {
          id: "pd-2",
          code: "6.2",
          statement:
            "Pupils' mental and physical well-being is promoted well, and pupils know how and where to get help.",
          guidance:
            "Consider the role of a mental health lead, early support and how pupils' views shape provision.",
          descriptors: {
            "urgent-improvement":
              "Pupils' well-being needs are often missed, and many pupils do not know where to turn for help.",
            "needs-attention":
              "Support is available, but some pupils are unsure how to access it, and the impact is not checked.",
            expected:
              "Pupils know whom to talk to, support is timely, and the school promotes healthy lifestyles and positive mental health.",
            strong:
              "Building on the expected standard, well-being support is well targeted and evaluated, pupils' views shape it, and staff are trained to spot early signs of need.",
            exceptional:
              "Building on the strong standard, the school's well-being work is recognised beyond the school and is shared to support other schools.",
          },
          evidenceExpectations: [
            "Well-being survey results over time",
            "Records of referrals and support with outcomes",
            "Staff training records for mental health awareness",
          ],
          indicators: [
            { id: "pd-2-i1", text: "Pupils can name a trusted adult they would talk to" },
            {
              id: "pd-2-i2",
              text: "Well-being survey results are analysed and acted on each term",
            },
          ],
        },
        {
          id: "pd-3",
          code: "6.3",
          statement:
            "All pupils, particularly disadvantaged pupils and those with SEND, take part in a wide range of enrichment activities, clubs and responsibilities.",
          guidance:
            "Track participation by pupil group and remove barriers such as cost and transport.",
          descriptors: {
            "urgent-improvement":
              "Enrichment is limited, and disadvantaged pupils and those with SEND rarely take part.",
            "needs-attention":
              "A range of activities is offered, but participation is uneven and is not tracked by pupil group.",
            expected:
              "Pupils have a broad enrichment offer, participation is tracked, and barriers for disadvantaged pupils and those with SEND are tackled.",
            strong:
              "Building on the expected standard, nearly all pupils take part regularly, including disadvantaged pupils, and pupils help to shape the offer.",
            exceptional:
              "Building on the strong standard, the school shares its enrichment offer and partnerships with other schools so that more pupils benefit.",
          },
          evidenceExpectations: [
            "Participation data by pupil group",
            "Enrichment calendar and club registers",
            "Pupil voice on opportunities and responsibilities",
          ],
          indicators: [
            {
              id: "pd-3-i1",
              text: "Disadvantaged pupils take part in clubs at the same rate as their peers",
            },
            { id: "pd-3-i2", text: "Cost is not a barrier to trips and activities" },
          ],
        },
        {
          id: "pd-4",
          code: "6.4",
          statement:
            "Pupils develop as active, responsible citizens who understand democracy, the rule of law and respect for people of all faiths, beliefs and backgrounds.",
          guidance:
            "Look for pupil leadership, volunteering and how well pupils can discuss differences respectfully.",
          descriptors: {
            "urgent-improvement":
              "Pupils have a limited understanding of fundamental British values, and few have chances to take on responsibility.",
            "needs-attention":
              "Pupils learn about citizenship, but their understanding varies and leadership opportunities reach only some pupils.",
            expected:
              "Pupils understand and can discuss democracy, the rule of law and respect for difference, and many take on responsibilities in school.",
            strong:
              "Building on the expected standard, pupils contribute actively to school and community life and can debate complex issues respectfully and with confidence.",
            exceptional:
              "Building on the strong standard, pupils lead projects that benefit the wider community or other schools, and the school shares its approach.",
          },
          evidenceExpectations: [
            "Pupil leadership and volunteering records",
            "Curriculum plans for citizenship and values",
            "Pupil discussions on values and differences",
          ],
        },
      ],
    },

    // 7. Early years
    {
      id: "early-years",
      title: "Early years",
      summary:
        "How well the early years provision gives young children a secure start, with communication and language at its heart.",
      scaleKey: "ofsted-5",
      appliesTo: "earlyYears",
      criteria: [
        {
          id: "ey-1",
          code: "7.1",
          statement:
            "The early years curriculum prioritises communication and language, with rich talk, stories, songs and rhymes every day.",
          guidance:
            "Consider how adults model language, extend children's vocabulary and identify children who need extra help with speech and language.",
          descriptors: {
            "urgent-improvement":
              "Communication and language are not prioritised, adult interactions are limited, and children with speech and language needs are not identified.",
            "needs-attention":
              "Some adults interact well with children, but practice is inconsistent and support for children with language delay is not timely.",
            expected:
              "Adults talk with children constantly, share stories and rhymes every day, and children with language needs are identified and supported early.",
            strong:
              "Building on the expected standard, all adults are skilled in extending children's language, vocabulary is carefully planned, and children who started behind catch up.",
            exceptional:
              "Building on the strong standard, the school's communication and language practice supports other settings and schools to improve.",
          },
          evidenceExpectations: [
            "Language screening results and progress data",
            "Observations of adult–child interactions",
            "Curriculum plans showing core stories, songs and vocabulary",
          ],
          indicators: [
            {
              id: "ey-1-i1",
              text: "Every child hears and joins in with several stories, songs or rhymes each day",
            },
            {
              id: "ey-1-i2",
              text: "Children with language delay are screened and supported within the first half term",
            },
          ],
        },
        {
          id: "ey-2",
          code: "7.2",
          statement:
            "Adults understand children's starting points well and use ongoing observation to help them make strong progress, including in personal, social and emotional development.",
          guidance:
            "Keep assessment proportionate: the focus is on interaction with children, not on collecting evidence.",
          descriptors: {
            "urgent-improvement":
              "Adults know little about children's starting points, and planning does not respond to what children need.",
            "needs-attention":
              "Starting points are assessed, but information is used inconsistently, or assessment takes adults away from children.",
            expected:
              "Adults know children well, use what they notice to shape next steps, and assessment is proportionate.",
            strong:
              "Building on the expected standard, children make strong progress from their starting points across all areas of learning, and gaps for disadvantaged children close quickly.",
            exceptional:
              "Building on the strong standard, the school's assessment practice is shared with and used by other schools and settings.",
          },
          evidenceExpectations: [
            "Reception baseline and end-of-year outcomes",
            "Good level of development data by pupil group",
            "Key worker knowledge of individual children",
          ],
        },
        {
          id: "ey-3",
          code: "7.3",
          statement:
            "Children build secure foundations in early reading and mathematics, so they are well prepared for Year 1.",
          guidance:
            "Consider how phonics starts in Reception and how early number sense is developed.",
          descriptors: {
            "urgent-improvement":
              "Many children leave Reception without secure foundations in reading or mathematics.",
            "needs-attention":
              "Foundations are secure for most children, but some groups fall behind and catch-up is not timely.",
            expected:
              "Phonics begins promptly in Reception, early mathematics is well planned, and most children are ready for Year 1.",
            strong:
              "Building on the expected standard, almost all children, including disadvantaged children, leave Reception with secure foundations, and transition to Year 1 is seamless.",
            exceptional:
              "Building on the strong standard, the school's early reading and mathematics practice is shared with and improves practice in other schools.",
          },
          evidenceExpectations: [
            "Phonics tracking and early mathematics assessment",
            "Transition records for Year 1",
            "Observations of phonics and mathematics sessions",
          ],
          indicators: [
            { id: "ey-3-i1", text: "Phonics teaching starts within the first weeks of Reception" },
            { id: "ey-3-i2", text: "Children who are not keeping up receive same-day support" },
          ],
        },
        {
          id: "ey-4",
          code: "7.4",
          statement:
            "Routines, relationships and the environment help children feel safe and become independent, supported by strong partnerships with parents and carers.",
          guidance:
            "Consider transitions into school, key person relationships and how parents are helped to support learning at home.",
          descriptors: {
            "urgent-improvement":
              "Routines are unclear, children are unsettled, and parents are rarely involved.",
            "needs-attention":
              "Most children are settled, but routines or partnerships with parents are inconsistent.",
            expected:
              "Children settle well, follow routines confidently, and parents are well informed and involved in their child's learning.",
            strong:
              "Building on the expected standard, children show high levels of independence and engagement, and parents say they feel true partners in their child's learning.",
            exceptional:
              "Building on the strong standard, the school supports other settings and schools to develop strong transition and parent partnership practice.",
          },
          evidenceExpectations: [
            "Transition and induction plans",
            "Parent feedback and engagement records",
            "Observations of routines and children's independence",
          ],
        },
      ],
    },

    // 8. Sixth form
    {
      id: "sixth-form",
      title: "Sixth form",
      summary:
        "How well the sixth form helps students achieve well and move on to ambitious, sustained destinations.",
      scaleKey: "ofsted-5",
      appliesTo: "sixthForm",
      criteria: [
        {
          id: "sf-1",
          code: "8.1",
          statement:
            "The sixth-form curriculum and study programmes are ambitious and well matched to students' aspirations, across academic and technical routes.",
          guidance:
            "Consider the breadth of the offer, how students are guided onto courses and how non-qualification activity is planned.",
          descriptors: {
            "urgent-improvement":
              "The offer is narrow or poorly matched to students, and many drop out or change course.",
            "needs-attention":
              "The offer meets most students' needs, but some students are on unsuitable courses or study programmes lack coherence.",
            expected:
              "Study programmes are coherent and ambitious, students are guided onto suitable courses, and retention is good.",
            strong:
              "Building on the expected standard, the offer is broad and well planned, students' aspirations shape it, and retention is high for all groups.",
            exceptional:
              "Building on the strong standard, the school shares its sixth-form curriculum expertise and collaborates with other providers to widen students' options.",
          },
          evidenceExpectations: [
            "Sixth-form course list and study programme plans",
            "Retention and course-change data",
            "Student voice on course choice",
          ],
        },
        {
          id: "sf-2",
          code: "8.2",
          statement:
            "Students achieve well, and those who have not yet achieved a grade 4 in English or mathematics make strong progress in them.",
          guidance:
            "Look at value added by subject and the success of English and mathematics resits.",
          descriptors: {
            "urgent-improvement":
              "Students achieve poorly in many subjects, and resit students make little progress.",
            "needs-attention":
              "Students achieve well in some subjects but not others, and resit outcomes are inconsistent.",
            expected:
              "Students achieve in line with or above national figures, and resit students make good progress in English and mathematics.",
            strong:
              "Building on the expected standard, achievement is consistently high across subjects and groups, and most resit students achieve a grade 4 or above.",
            exceptional:
              "Building on the strong standard, the school helps other sixth forms to raise achievement, including for resit students.",
          },
          evidenceExpectations: [
            "Results and value-added measures by subject",
            "English and mathematics resit outcomes",
            "Tracking of students' progress against targets",
          ],
          indicators: [
            { id: "sf-2-i1", text: "Value added is positive in most subjects" },
            { id: "sf-2-i2", text: "Resit attendance and outcomes are tracked every half term" },
          ],
        },
        {
          id: "sf-3",
          code: "8.3",
          statement:
            "Students attend well, study independently and take on wider responsibilities, such as work experience and supporting younger pupils.",
          guidance:
            "Consider how study time is used and whether all students take part in meaningful work experience.",
          descriptors: {
            "urgent-improvement":
              "Attendance is low, study time is poorly used, and few students take part in work experience or wider activities.",
            "needs-attention":
              "Most students attend well, but independent study habits and participation in wider activities vary.",
            expected:
              "Students attend well, use study time productively, and all take part in work experience and wider responsibilities.",
            strong:
              "Building on the expected standard, students are highly motivated independent learners and role models, and work experience is well matched to their plans.",
            exceptional:
              "Building on the strong standard, students lead initiatives that benefit other schools or the community, and the school shares its approach.",
          },
          evidenceExpectations: [
            "Sixth-form attendance data",
            "Work experience records",
            "Student leadership and volunteering records",
          ],
        },
        {
          id: "sf-4",
          code: "8.4",
          statement:
            "Impartial careers guidance leads to well-informed choices and sustained destinations in higher education, apprenticeships or employment.",
          guidance: "Use the Gatsby benchmarks and sustained destination measures.",
          descriptors: {
            "urgent-improvement":
              "Careers guidance is limited, and many students do not move on to sustained destinations.",
            "needs-attention":
              "Guidance is available, but it is not impartial or personalised for all students, and some destinations are not sustained.",
            expected:
              "All students receive impartial, personalised guidance, including on apprenticeships, and almost all move on to sustained destinations.",
            strong:
              "Building on the expected standard, destinations are ambitious for all groups, including disadvantaged students, and leaders track and act on how students fare after leaving.",
            exceptional:
              "Building on the strong standard, the school's careers work is recognised beyond the school and supports other schools to improve their guidance.",
          },
          evidenceExpectations: [
            "Destinations data, including sustained destinations",
            "Gatsby benchmark self-assessment",
            "Records of personal careers guidance interviews",
          ],
          indicators: [
            {
              id: "sf-4-i1",
              text: "Every student has a personal guidance interview before applications open",
            },
            {
              id: "sf-4-i2",
              text: "Students hear about apprenticeships and technical routes as well as university",
            },
          ],
        },
      ],
    },

    // 9. Leadership and governance
    {
      id: "leadership-governance",
      title: "Leadership and governance",
      summary:
        "How well leaders, governors and trustees secure improvement, develop staff and look after their workload and well-being.",
      scaleKey: "ofsted-5",
      criteria: [
        {
          id: "lg-1",
          code: "9.1",
          statement:
            "Leaders have an accurate view of the school's strengths and weaknesses and a clear, well-prioritised plan for improvement.",
          guidance:
            "Check that self-evaluation, improvement planning and monitoring are linked, and that priorities are few and focused.",
          descriptors: {
            "urgent-improvement":
              "Leaders' view of the school is inaccurate or overgenerous, and improvement planning does not address the most important weaknesses.",
            "needs-attention":
              "Leaders know the main priorities, but plans lack focus or monitoring, and improvement is slow in some areas.",
            expected:
              "Self-evaluation is accurate, plans address the right priorities, and leaders check the impact of their actions regularly.",
            strong:
              "Building on the expected standard, leaders at all levels share an accurate view of the school, improvement is sustained, and leaders adapt plans quickly in response to evidence.",
            exceptional:
              "Building on the strong standard, the school's leaders support improvement in other schools, for example through trust school-improvement roles or validation work.",
          },
          evidenceExpectations: [
            "Self-evaluation summary and school improvement plan",
            "Monitoring and review records",
            "Trust or external review reports",
          ],
        },
        {
          id: "lg-2",
          code: "9.2",
          statement:
            "Staff receive high-quality professional development, and leaders take account of workload and well-being in their decisions.",
          guidance:
            "Consider early career teachers, support staff and how staff voice shapes decisions.",
          descriptors: {
            "urgent-improvement":
              "Professional development is limited or poorly matched to needs, staff report excessive workload, and staff turnover is high.",
            "needs-attention":
              "Some professional development is effective, but workload and well-being are not considered consistently in decisions.",
            expected:
              "Professional development is well planned and linked to priorities, early career teachers are well supported, and leaders act on staff views about workload.",
            strong:
              "Building on the expected standard, staff say they are well supported and developed, workload is actively reduced, and retention is good.",
            exceptional:
              "Building on the strong standard, the school's professional development and workload practice is shared across the trust and beyond.",
          },
          evidenceExpectations: [
            "Professional development programme and evaluation",
            "Staff survey responses on workload and well-being",
            "Staff retention and absence data",
          ],
          indicators: [
            { id: "lg-2-i1", text: "Staff survey results on workload are improving" },
            {
              id: "lg-2-i2",
              text: "Early career teachers receive their entitlement of mentoring and time",
            },
            {
              id: "lg-2-i3",
              text: "New initiatives are checked for workload impact before launch",
            },
          ],
        },
        {
          id: "lg-3",
          code: "9.3",
          statement:
            "Governors and trustees understand their roles, hold leaders to account effectively, and ensure statutory duties are met.",
          guidance:
            "Consider the trust's scheme of delegation and how the local governing body and trust board work together.",
          descriptors: {
            "urgent-improvement":
              "Governors and trustees do not understand their roles, challenge to leaders is weak, and statutory duties are not fully met.",
            "needs-attention":
              "Governance is in place, but challenge is inconsistent or relies on information provided by leaders without checking it.",
            expected:
              "Governors and trustees understand their roles, ask challenging questions, check information independently, and ensure statutory duties are met.",
            strong:
              "Building on the expected standard, governance is highly effective, governors bring relevant expertise, and their challenge leads to measurable improvement.",
            exceptional:
              "Building on the strong standard, governance practice is shared with other schools and trusts, and governors support governance development elsewhere.",
          },
          evidenceExpectations: [
            "Governing body and trust board minutes",
            "Governor visit records",
            "Scheme of delegation and statutory compliance checks",
          ],
          indicators: [
            {
              id: "lg-3-i1",
              text: "Minutes show governors asking challenging questions and following them up",
            },
            { id: "lg-3-i2", text: "Governors' visits are linked to school priorities" },
          ],
        },
        {
          id: "lg-4",
          code: "9.4",
          statement:
            "Leaders engage effectively with parents, carers and the community, and work with the trust and other schools to improve.",
          guidance:
            "Consider how parents' views are gathered and acted on, and how the school contributes to and benefits from the trust.",
          descriptors: {
            "urgent-improvement":
              "Parents have little confidence in leaders, communication is poor, and the school does not work with others to improve.",
            "needs-attention":
              "Communication with parents is generally effective, but some groups are not reached, and partnership with other schools is limited.",
            expected:
              "Parents are well informed and their views are acted on, and the school works with the trust and other schools to improve.",
            strong:
              "Building on the expected standard, parents and the community are strong partners, and the school contributes actively to trust-wide improvement.",
            exceptional:
              "Building on the strong standard, the school is recognised as a centre of expertise and leads partnership work across the trust and beyond.",
          },
          evidenceExpectations: [
            "Parent survey results and actions taken",
            "Records of trust and partnership work",
            "Community engagement records",
          ],
        },
      ],
    },
  ],
  accreditationRule: {
    type: "none",
    note: "Self-evaluation only: there is no overall grade (Ofsted 2025). Safeguarding is Met or Not met.",
  },
};
