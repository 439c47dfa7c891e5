#pragma once
// Scripted explorer sessions: one UI action per line, applied through the Explorer, so
// `actorgraph-gui --script` and tests exercise the real behaviour.
//
//   open FILE                      select ID [ID...]          add ID          clear
//   hover ID                       focus ID [DEPTH]           unfocus
//   path FROM TO [k=N] [direction=follow|reverse|any] [types=a,b] [weight=PROP] [only]
//   highlight N|all                clear-path
//   filter years FROM TO | filter types a,b | filter kinds a,b | filter where EXPR | filter clear
//   size-by METRIC|none            layout ENGINE              zoom FACTOR        fit
//   centre ID                      export FILE [FORMAT]       wait-layout        # comment
//   layout auto                    cancel-layout              sleep SECONDS (frames go on)
//   import-tables [nodes=F] [edges=F] [id=C] [caption=T] [kind=K|kind-column=C] [source=C] [target=C]
//                 [type=T|type-column=C]   (fills and checks the import dialog)      import-open
//   add-actor ID kind=K ...   add-relation FROM TO type=T source=S ...   set ACTOR|rN KEY=VALUE
//   unset ACTOR|rN KEY   delete ACTOR|rN   merge KEEP OTHER   pin ACTOR X Y   undo   redo   save [PATH]
//   recover              (the edit verbs of edit/edit_script.hpp, run through Explorer::edit)
//   dependence TARGET [from=Y] [to=Y] [cap=1/3] [group-by=state|actor]   what-if A[,B...]
//   cut FROM TO [relations] [direction=D]   clear-analysis   play [S]   stop-play   (app/analysis_script.hpp)
//   filter as-of Y|none [undated=keep|drop]   filter confidence GRADE|any
//   query STATEMENT (its words, or one "quoted" argument; runs like the console's Run)
//   query-row N (selects and centres the actors of row N of the answer)   clear-query (drops its highlight)
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

struct ScriptCommand {
    SourceLocation where;
    std::string verb;
    std::vector<std::string> arguments;
};

/// Splits script text into commands, checking verbs and argument counts; throws Error with file:line.
[[nodiscard]] std::vector<ScriptCommand> parse_script(std::string_view text, const std::string& file_name);
/// Reads and parses a script file; throws Error naming the file.
[[nodiscard]] std::vector<ScriptCommand> load_script(const std::filesystem::path& path);

/// Applies commands one at a time: each waits until the file loading and the view composing that
/// the commands before it started are done, and camera or hover commands wait for the layout too.
class ScriptRunner {
public:
    explicit ScriptRunner(std::vector<ScriptCommand> commands) : commands_(std::move(commands)) {}

    /// Runs commands until one has to wait or all are done; throws Error with file:line when a
    /// command fails (unknown actor, bad value, a file that does not load, failed export or layout).
    void step(Explorer& explorer);
    /// True when every command has run and the background work they started has not failed.
    [[nodiscard]] bool finished() const noexcept { return next_ >= commands_.size() && !started_work_; }
    /// Called once for each command after it ran, with what it did: the first message it logged, else
    /// its verb. An edit is reported after its change was appended to the journal and flushed to disk,
    /// so a report is a promise that a crash after it loses nothing (actorgraph-gui --script prints them).
    using StepReport = std::function<void(const ScriptCommand& command, const std::string& what)>;
    void report_steps(StepReport report) { report_ = std::move(report); }
    /// Runs the whole script, polling the explorer; throws Error on failure or when a wait exceeds the timeout.
    void run_to_end(Explorer& explorer, std::chrono::milliseconds timeout);

private:
    /// A command whose background work had not finished when the next one was due.
    struct StartedWork {
        SourceLocation where;
        std::size_t errors = 0;  ///< the explorer's error count before the command ran
    };
    void check_background_errors(const Explorer& explorer);
    /// True while a `sleep` command's time has not passed; starts the clock on its first call.
    bool still_sleeping(const ScriptCommand& command);

    std::vector<ScriptCommand> commands_;
    std::size_t next_ = 0;
    std::optional<StartedWork> started_work_;
    std::optional<std::chrono::steady_clock::time_point> sleep_until_;
    StepReport report_;
};

}  // namespace actorgraph
