//! careersite: accessible static careers websites for schools in England.
//!
//! One pipeline, one module per stage: [`load`] reads `content/` into a typed [`site::Site`],
//! [`check`] finds what is wrong with it as a whole, [`render`] turns it into the bytes of every
//! page, and [`write`] puts them in the output folder, touching nothing it did not write.
//! [`pipeline`] runs the stages in order; the commands in [`cmd`] drive it, and [`serve`] wraps
//! it in a live preview.

pub mod check;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod files;
pub mod images;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod schema;
pub mod serve;
pub mod site;
pub mod theme;
pub mod write;
pub mod yaml;
