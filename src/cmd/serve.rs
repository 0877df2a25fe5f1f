//! `careersite serve`: live preview that reloads as the careers leader types.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::serve::{self, ServeOptions};

pub fn run(root: PathBuf, bind: IpAddr, port: u16, open: bool, quiet: bool) -> ExitCode {
    let options = ServeOptions {
        root,
        bind,
        port,
        open,
        quiet,
    };
    match serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostics) => super::failed(&diagnostics),
    }
}
