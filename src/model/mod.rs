//! The careers domain as types: who a page is for, which benchmark it serves, when it happened.
//! Content is parsed once into these; nothing downstream handles raw strings for them.

mod action_plan;
mod audience;
mod benchmark;
mod date;
mod evaluation;
mod events;
mod front_matter;
mod phase;
mod photos;
mod programme;
mod self_assessment;
mod statutory;
pub mod suppression;
mod timing;
mod year_group;

pub use action_plan::{
    ActionPlan, ActionRow, CurrentPosition, KeyAction, Objective, PlanAction, PlanRecord,
    PlanUpdate,
};
pub use audience::Audience;
pub use benchmark::Benchmark;
pub use date::Date;
pub use evaluation::{
    CompassResult, Count, Destinations, DestinationsSource, Evaluation, Percent, Route, Survey,
};
pub use events::{Event, Events, When};
pub use front_matter::FrontMatter;
pub use phase::Phase;
pub use photos::{Photo, Photos};
pub use programme::{Access, Activity, Programme, Term, Year};
pub use self_assessment::{
    BenchmarkAssessment, Priority, Progress, Rated, Requirement, SelfAssessment,
};
pub use statutory::{AccessibilityStatement, Contact, EncounterStage, ProviderAccess, Review};
pub use timing::{Period, Timing, YearSpan};
pub use year_group::{YearGroup, YearRange};
