//! The careers domain as types: who a page is for, which benchmark it serves, when it happened.
//! Content is parsed once into these; nothing downstream handles raw strings for them.

mod audience;
mod benchmark;
mod date;

pub use audience::Audience;
pub use benchmark::Benchmark;
pub use date::Date;
