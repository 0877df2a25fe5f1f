use std::fmt;

use serde::Serialize;

use super::Phase;
use crate::yaml;

/// One of the eight Gatsby Benchmarks of good career guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Benchmark(u8);

const TITLES: [&str; 8] = [
    "A stable careers programme",
    "Learning from career and labour market information",
    "Addressing the needs of each pupil",
    "Linking curriculum learning to careers",
    "Encounters with employers and employees",
    "Experiences of workplaces",
    "Encounters with further and higher education",
    "Personal guidance",
];

/// A word or two for each benchmark, for badges and chart labels ("B5 Employers"), where the
/// full title would not fit.
const SHORT_NAMES: [&str; 8] = [
    "Programme",
    "Information",
    "Each pupil",
    "Curriculum",
    "Employers",
    "Workplaces",
    "Education",
    "Guidance",
];

/// What each benchmark asks of a secondary school, in words a parent or pupil understands.
const SECONDARY: [&str; 8] = [
    "The school has a planned careers programme, led by a trained Careers Leader and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from pupils, parents and carers, staff and employers.",
    "Pupils, and their parents and carers, get good, up-to-date information about courses, jobs and pay, and help to make sense of it.",
    "Support is tailored to each young person, including pupils with special educational needs and disabilities and disadvantaged pupils. The school keeps a record of each pupil's careers activities and of where they go after they leave.",
    "Teachers in every subject show how what pupils learn connects to jobs and careers.",
    "Every year from the age of 11, each pupil meets employers and people in work in a meaningful way: with a clear purpose, a chance to ask questions and time to reflect.",
    "Each pupil has first-hand experience of workplaces by the age of 16, and again by 18: visits, work shadowing or work experience.",
    "Pupils meet colleges, universities, and apprenticeship and training providers, so they understand every route open to them at 16 and 18.",
    "Every pupil has a guidance interview with a qualified careers adviser by the age of 16, and another by 18, timed to when they make choices.",
];

/// The same for a primary school, after the benchmarks' version for primary schools (published
/// by the Careers & Enterprise Company and the Gatsby Foundation, and first tried in the North
/// East's primary pilot: https://ambition.northeast-ca.gov.uk/education/primary-schools). No
/// ages: careers learning in a primary school is about widening children's ideas, not choices.
const PRIMARY: [&str; 8] = [
    "The school has a planned careers programme for every year group, led by a named member of staff and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from pupils, parents and carers, staff and employers.",
    "Pupils, and their parents and carers, learn about the many kinds of jobs people do, including the jobs in our area, to widen their ideas of what they could do one day.",
    "Careers learning suits each child, including children with special educational needs and disabilities and disadvantaged children. It raises every child's hopes for the future and challenges ideas about which jobs are for whom.",
    "Teachers show how what pupils learn in every subject, and especially in English, maths and science, is used in jobs.",
    "Every pupil has meaningful encounters with employers and people in work, such as visitors to class and careers weeks, with time to ask questions and think about what they heard.",
    "Pupils see what work is like at first hand, through visits to workplaces and visitors who bring their work into school.",
    "Pupils find out about the places they can go on to learn, such as secondary schools, colleges and universities, through visits and visitors suited to their age.",
    "Pupils have chances to talk about their future, and what they hope to do, with adults they trust, such as their teachers.",
];

/// The same for a school from Reception to Year 13: the primary years' version, then the
/// secondary expectations from Year 7.
const ALL_THROUGH: [&str; 8] = [
    "The school has one planned careers programme from Reception to Year 13, led by a trained Careers Leader and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from pupils, parents and carers, staff and employers.",
    "In the primary years pupils learn about the many kinds of jobs people do; from Year 7 pupils, and their parents and carers, get good, up-to-date information about courses, jobs and pay, and help to make sense of it.",
    "Support is tailored to each young person, including pupils with special educational needs and disabilities and disadvantaged pupils: from challenging ideas about which jobs are for whom in the primary years to keeping a record of each pupil's careers activities and of where they go after they leave.",
    "Teachers in every subject and every year show how what pupils learn connects to jobs and careers.",
    "Every pupil meets employers and people in work every year: in the primary years through visitors and careers weeks, and from the age of 11 in encounters with a clear purpose, a chance to ask questions and time to reflect.",
    "Pupils visit workplaces in the primary years, and have first-hand experience of workplaces by the age of 16, and again by 18: visits, work shadowing or work experience.",
    "Younger pupils find out about the places they can go on to learn; older pupils meet colleges, universities, and apprenticeship and training providers, so they understand every route open to them at 16 and 18.",
    "In the primary years pupils talk about their future with adults they trust; from Year 7 every pupil has a guidance interview with a qualified careers adviser by the age of 16, and another by 18, timed to when they make choices.",
];

/// The same for a special school, where each young person's needs, not their age, decide when
/// things happen, and guidance and support may go on to the age of 25 for a young person with
/// an education, health and care (EHC) plan (SEND code of practice: 0 to 25 years).
const SPECIAL: [&str; 8] = [
    "The school has a planned careers programme shaped around its pupils' needs, led by a trained Careers Leader and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from pupils, parents and carers, staff and employers.",
    "Pupils, and their parents and carers, get information about courses, jobs, pay and support in a form each pupil can understand and use, and help to make sense of it.",
    "Each pupil's careers learning is planned around their needs, their hopes and, where they have one, their education, health and care (EHC) plan. The school keeps a record of each pupil's careers activities and of where they go after they leave.",
    "Teachers show how what pupils learn connects to work and to adult life, including the skills to live as independently as they can.",
    "Every year, each pupil meets employers and people in work in a way that suits them: with a clear purpose, a chance to ask questions and time to reflect.",
    "Each pupil has first-hand experience of workplaces when they are ready and as often as they need: visits, work tasters, work experience or a supported internship.",
    "Pupils meet colleges, training providers and, where it is right for them, universities, so they understand every route open to them, including support up to the age of 25 for young people with an EHC plan.",
    "Every pupil has guidance from a qualified careers adviser, timed to their needs and to when they and their family make choices, such as at the annual review of their EHC plan.",
];

/// The same for a college, whose learners are 16 to 18 (or 19) and study on a programme of a
/// year or more, as the benchmarks' criteria for colleges put it (for example
/// https://careershub.southmidlands.org.uk/schools-colleges/gatsby-benchmarks/benchmark-5/).
const COLLEGE: [&str; 8] = [
    "The college has a planned careers programme, led by a trained Careers Leader and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from learners, parents and carers, staff and employers.",
    "Learners, and their parents and carers, get good, up-to-date information about courses, jobs and pay, especially in the areas they study, and help to make sense of it.",
    "Support is tailored to each learner, including learners with special educational needs and disabilities and disadvantaged learners. The college keeps a record of each learner's careers activities and of where they go when their course ends.",
    "Teachers on every course show how what learners study leads to jobs and careers.",
    "Every year of their study programme, each learner has at least two meaningful encounters with employers and people in work, one of them through their course: each with a clear purpose, a chance to ask questions and time to reflect.",
    "Each learner has at least one first-hand experience of a workplace before the end of their study programme, besides any part-time job: a placement, work shadowing or work experience.",
    "Learners meet universities, and apprenticeship and training providers, so they understand every route open to them when their course ends.",
    "Every learner has a guidance interview with a qualified careers adviser before the end of their study programme, timed to when they make choices.",
];

impl Benchmark {
    pub const ALL: [Benchmark; 8] = [
        Benchmark(1),
        Benchmark(2),
        Benchmark(3),
        Benchmark(4),
        Benchmark(5),
        Benchmark(6),
        Benchmark(7),
        Benchmark(8),
    ];

    pub fn new(number: u64) -> Option<Self> {
        (1..=8).contains(&number).then_some(Benchmark(number as u8))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn title(self) -> &'static str {
        TITLES[usize::from(self.0) - 1]
    }

    /// "Employers": with the number, a badge's whole text ("B5 Employers").
    pub fn short_name(self) -> &'static str {
        SHORT_NAMES[usize::from(self.0) - 1]
    }

    /// What the benchmark asks of a school of `phase`, in words a parent or pupil understands.
    pub fn plain_words(self, phase: Phase) -> &'static str {
        let words = match phase {
            Phase::Primary => &PRIMARY,
            Phase::Secondary => &SECONDARY,
            Phase::AllThrough => &ALL_THROUGH,
            Phase::Special => &SPECIAL,
            Phase::College => &COLLEGE,
        };
        words[usize::from(self.0) - 1]
    }
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Benchmark {}", self.0)
    }
}

impl yaml::Scalar for Benchmark {
    const WHAT: &'static str = "a benchmark";
    const HOW: &'static str = "the Gatsby Benchmarks are numbered 1 to 8";
    const WRITTEN: yaml::Written = yaml::Written::Number { min: 1, max: 8 };

    fn from_text(text: &str) -> Option<Self> {
        text.trim().parse().ok().and_then(Benchmark::new)
    }

    fn stand_in() -> Self {
        Benchmark(1)
    }
}

yaml::deserialize_scalar!(Benchmark);

/// The schema of a map from benchmark to `V` (Compass scores): its keys are the benchmarks'
/// numbers, as [`Benchmark`] reads them.
pub fn per_benchmark<V: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    let yaml::Written::Number { min, max } = <Benchmark as yaml::Scalar>::WRITTEN else {
        unreachable!("a benchmark is written as its number")
    };
    let keys = format!("^\\s*[{min}-{max}]\\s*$");
    schemars::json_schema!({
        "type": "object",
        "patternProperties": { keys: generator.subschema_for::<V>() },
        "additionalProperties": false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_eight_exist() {
        assert!(Benchmark::new(0).is_none());
        assert_eq!(Benchmark::new(8).unwrap().title(), "Personal guidance");
        assert!(Benchmark::new(9).is_none());
    }

    #[test]
    fn a_primary_school_is_told_nothing_of_ages_or_interviews() {
        for benchmark in Benchmark::ALL {
            let words = benchmark.plain_words(Phase::Primary);
            for secondary in ["age of", "16", "18", "sixth form", "interview", "Year 7"] {
                assert!(
                    !words.contains(secondary),
                    "{benchmark} says {secondary:?} to a primary school: {words}"
                );
            }
        }
    }

    #[test]
    fn a_college_speaks_of_learners_and_the_end_of_their_study_programme() {
        let guidance = Benchmark::new(8).unwrap().plain_words(Phase::College);
        assert!(guidance.contains("before the end of their study programme"));
        for benchmark in Benchmark::ALL {
            assert!(!benchmark.plain_words(Phase::College).contains("pupil"));
        }
    }
}
