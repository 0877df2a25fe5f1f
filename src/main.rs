use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use careersite::cmd;
use careersite::model::Phase;
use careersite::yaml::Scalar;

/// `--phase`, as site.yaml's `school.phase` writes it.
fn phase(text: &str) -> Result<Phase, String> {
    // The words site.yaml's own mistake is told in.
    Phase::parse(text).ok_or_else(|| <Phase as Scalar>::HOW.to_string())
}

/// Accessible careers websites for schools in England, from Markdown and YAML.
#[derive(Parser)]
#[command(name = "careersite", version, about)]
struct Cli {
    /// The folder that holds `content/` (and, optionally, `themes/`).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new school site in FOLDER from the bundled example school of its phase, or (with
    /// --theme) copy the built-in theme out to change it.
    Init {
        /// The new site's folder. Leave it out with --theme to copy the theme into the site at
        /// --root.
        #[arg(required_unless_present = "theme")]
        folder: Option<PathBuf>,
        /// The kind of school: primary, secondary, all-through, special or college. The site
        /// starts from an example school of that kind [default: secondary].
        #[arg(long, value_name = "PHASE", value_parser = phase, requires = "folder")]
        phase: Option<Phase>,
        /// The school's name, for site.yaml and the example's pages, such as "Oak Tree Primary
        /// School".
        #[arg(long, requires = "folder")]
        name: Option<String>,
        /// Copy the built-in theme into themes/NAME/ beside content/, NAME being the theme
        /// content/site.yaml names (`default` unless it names another). Overwrites nothing.
        #[arg(long)]
        theme: bool,
    },
    /// Build the site into the output folder.
    Build {
        /// Where to write the site [default: ROOT/site].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Build into a folder that holds files careersite did not write (it still deletes none of them).
        #[arg(long)]
        force: bool,
        /// Leave out _headers and .htaccess, the files that tell the host the security headers and caching to send.
        #[arg(long)]
        no_host_files: bool,
    },
    /// Preview the site in a browser, rebuilding and reloading it as you save.
    Serve {
        /// The port to listen on; if it is taken, the next few are tried.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Use 0.0.0.0 to preview on a phone on your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in your web browser.
        #[arg(long)]
        open: bool,
    },
    /// Write JSON Schemas for the data files into content/.schemas/, so that an editor such as
    /// VS Code checks each file as you type (see docs/editors.md).
    Schema,
    /// Bring figures and dates in from where the school keeps them (the DfE's destination
    /// measures, a spreadsheet, the school calendar), changing only that part of the data file
    /// (see docs/import.md).
    Import {
        #[command(subcommand)]
        what: Import,
    },
    /// Write the self-assessment grid or the action plan as a spreadsheet (CSV) to edit in
    /// Excel; bring it back with `careersite import grid|plan FILE` (see docs/import.md).
    Export {
        /// `grid` (benchmarks.yaml's requirements and ratings) or `plan` (action-plan.yaml's
        /// action plan).
        #[arg(value_enum)]
        part: cmd::export::Part,
        /// The spreadsheet's format.
        #[arg(long, value_enum, default_value = "csv")]
        format: cmd::export::Format,
        /// The file to write; without it, the spreadsheet is printed.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Report what the law requires the site to publish and what is missing, benchmark
    /// coverage, broken links and accessibility problems. Exits 1 if there are errors.
    Check {
        /// `text` for people, `json` for programs.
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::check::Format,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Subcommand)]
enum Import {
    /// Where leavers went, into evaluation.yaml: from the DfE's destination measures (a CSV file
    /// of every school, with --urn) or from your own spreadsheet laid out as docs/import.md shows.
    Destinations {
        /// The CSV file.
        file: PathBuf,
        /// Your school's unique reference number, to pick its rows out of the DfE's file.
        #[arg(long)]
        urn: Option<String>,
        /// Say what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The self-assessment grid from a spreadsheet, into benchmarks.yaml: a CSV file laid out
    /// as `careersite export grid` writes it.
    Grid {
        /// The CSV file.
        file: PathBuf,
        /// Say what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The action plan from a spreadsheet, into action-plan.yaml: a CSV file laid out as
    /// `careersite export plan` writes it.
    Plan {
        /// The CSV file.
        file: PathBuf,
        /// Say what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The school calendar's careers events, into events.yaml: an iCalendar (.ics) file, as
    /// Outlook, Google Calendar or the school's MIS exports it. Repeating events come in for
    /// this school year.
    Events {
        /// The .ics file.
        file: PathBuf,
        /// Say what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Init {
            folder,
            phase,
            name,
            theme,
        } => {
            let start = cmd::init::Start {
                phase: phase.unwrap_or(Phase::Secondary),
                name,
            };
            cmd::init::run(folder, cli.root, start, theme, cli.quiet)
        }
        Command::Build {
            output,
            force,
            no_host_files,
        } => cmd::build::run(cli.root, output, force, !no_host_files, cli.quiet),
        Command::Serve { port, bind, open } => {
            cmd::serve::run(cli.root, bind, port, open, cli.quiet)
        }
        Command::Check { format, strict } => cmd::check::run(cli.root, format, strict),
        Command::Import { what } => match what {
            Import::Destinations { file, urn, dry_run } => {
                cmd::import::destinations(&cli.root, &file, urn.as_deref(), dry_run, cli.quiet)
            }
            Import::Grid { file, dry_run } => {
                cmd::import::grid(&cli.root, &file, dry_run, cli.quiet)
            }
            Import::Plan { file, dry_run } => {
                cmd::import::plan(&cli.root, &file, dry_run, cli.quiet)
            }
            Import::Events { file, dry_run } => {
                cmd::import::events(&cli.root, &file, dry_run, cli.quiet)
            }
        },
        Command::Export {
            part,
            format: cmd::export::Format::Csv,
            output,
        } => cmd::export::run(&cli.root, part, output.as_deref(), cli.quiet),
        Command::Schema => cmd::schema::run(&cli.root, cli.quiet),
    }
}
