//! `incident_cli`: the command-line view of one incident's event log (see the library docs
//! of `incident_cli` for the commands, options and exit codes).

use std::process::ExitCode;

fn main() -> ExitCode {
    // `args_os`: a non-UTF-8 argument is reported as a bad path, not a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let code = incident_cli::run(
        &args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
