#pragma once
// The explorer's state and actions without any GUI code: the window forwards input here and
// draws what it reads back; tests and scripts drive the same object without a window.
// No method throws: failures become messages, and the previous graph and picture stay.
// Nothing slow runs on the caller's thread: open() loads in the background, apply_view() composes
// in the background and then lays out in a child process; poll() collects what finished, and
// wait_until_idle() lets tests and scripts wait for all of it.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/app/background_task.hpp"
#include "actorgraph/app/camera.hpp"
#include "actorgraph/app/drawing_index.hpp"
#include "actorgraph/app/import_dialog.hpp"
#include "actorgraph/app/query_console.hpp"
#include "actorgraph/app/render_job.hpp"
#include "actorgraph/app/stable_layout.hpp"
#include "actorgraph/app/user_config.hpp"
#include "actorgraph/app/user_stylesheet.hpp"
#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/app/year_player.hpp"
#include "actorgraph/edit/change.hpp"
#include "actorgraph/edit/journal.hpp"
#include "actorgraph/render/drawing.hpp"

namespace actorgraph {

class EditSession;

struct ExplorerOptions {
    std::filesystem::path config_dir = user_config_dir();  ///< recent files live here
    std::chrono::milliseconds layout_budget{std::chrono::minutes(2)};
    ViewLimits limits{};  ///< when a view is too big to lay out whole (see overview.hpp)
    GraphvizRunner layout_runner{};  ///< lays out the canvas; empty: Graphviz in a child process (exports always use it)
};

/// What the filter widgets offer for a graph, gathered once when it loads.
struct GraphFacts {
    std::vector<std::string> kinds;  ///< every actor kind, sorted
    std::vector<std::string> types;  ///< every relation type, sorted
    std::optional<std::pair<int, int>> years;  ///< the smallest and largest year any relation mentions
    std::vector<std::string> weights;  ///< relation properties with a numeric value, sorted: what paths may weigh by
};

/// Gathers the facts of a graph: O(actors + relations).
[[nodiscard]] GraphFacts facts_of(const Graph& graph);

/// A loaded graph with its facts (the result of the background load).
struct LoadedGraph {
    std::shared_ptr<const Graph> graph;
    GraphFacts facts;
};

/// A composed view with its styled DOT text (the result of the background compose).
struct PreparedView {
    ComposedView view;
    std::string dot;
    std::string placed_dot;  ///< after an edit: dot with every actor at its kept or new place (for nop); empty = lay out afresh
    std::vector<std::string> placed_alone;  ///< ids of the actors it put beside the map for want of neighbours
};

/// What the explorer is working on in the background.
struct WorkStatus {
    enum class Stage { idle, loading, composing, laying_out, querying };
    Stage stage = Stage::idle;
    double seconds = 0;  ///< since the stage started
    std::string text;    ///< "loading big.csv", "composing the view", "laying out 200 actors with neato"
};

/// The actors best matching a text, found in the background for a type-ahead field.
struct SearchMatches {
    std::string text;                ///< what was searched for
    std::vector<ActorIndex> actors;  ///< best first
    bool running = false;
    std::size_t generation = 0;      ///< counts finished searches
};

/// A ranking computed in the background for the Rank panel.
struct Ranking {
    Metric metric = Metric::degree;
    std::vector<RankedActor> rows;  ///< the highest first, at most Explorer::ranking_rows
    std::size_t of = 0;             ///< actors ranked
    bool sampled = false;           ///< betweenness estimated from `samples` source actors (big graphs)
    std::size_t samples = 0;
    bool running = false;
    std::size_t generation = 0;     ///< counts finished rankings (lets the panel notice a new one)
};

/// A line for the message log.
struct ExplorerMessage {
    enum class Level { info, error };
    Level level = Level::info;
    std::string text;
};

/// Where the background layout stands.
struct LayoutStatus {
    bool running = false;
    LayoutEngine engine = LayoutEngine::dot;  ///< of the running layout, or of the picture shown
    double seconds = 0;                       ///< elapsed while running, else the last layout's time
    std::string error;                        ///< the last failure, cleared by the next success
    bool kept_places = false;                 ///< the picture kept the actors' places after an edit (no layout ran)
};

/// What the pointer is over.
struct HoverTarget {
    ElementKind kind = ElementKind::actor;
    std::uint32_t index = 0;
    friend bool operator==(const HoverTarget&, const HoverTarget&) = default;
};

/// What an export adds to the picture on screen.
struct ExportExtras {
    bool legend = false;  ///< the kinds and relation types shown, with their shapes and line styles
    std::string title;    ///< a bold line on top; empty = none
};

/// How the last export ended.
enum class ExportOutcome { none, running, written, failed };

/// An export running in the background.
struct ExportStatus {
    bool running = false;
    std::filesystem::path output;
    ExportOutcome outcome = ExportOutcome::none;  ///< what `result` says, for the panel to colour it
    std::string result;  ///< "wrote …" or the error of the last export
};

/// Changes a journal beside the opened file holds from a session that ended without saving: the window
/// asks whether to restore them.
struct RecoveryOffer {
    std::size_t changes = 0;
    bool torn = false;                ///< its last record was cut off (restoring keeps everything before it)
    bool confirming_discard = false;  ///< Discard was chosen: the question asks to confirm it
    bool postponed = false;           ///< "Decide later": not asked until ask_recovery_again()
};

/// The answers to the recovery question.
enum class RecoveryAnswer { restore, discard, confirm_discard, back, later };

class Explorer {
public:
    explicit Explorer(ExplorerOptions options = {});
    ~Explorer();
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;

    // ---- file ----
    /// Starts loading a graph in the background; once loaded the view resets and a layout starts. A file
    /// that fails to load keeps the old graph and logs "file:line: reason". False when it cannot start.
    bool open(const std::filesystem::path& path);
    /// open() through the import dialog's vocabulary and caption (a GraphML or GEXF file, a DOT file, or a
    /// Neo4j import-set folder read with its CSV dialect); a misspelt map entry is the load's error.
    bool open_mapped(const std::filesystem::path& path, const ImportMapping& mapping);
    /// Shows a graph read elsewhere (the import dialog's checked tables) as if it had been opened from
    /// `shown_as`; it is not added to the recent files (the tables are not a graph file).
    void adopt(std::shared_ptr<const Graph> graph, const std::filesystem::path& shown_as);
    /// The import dialog's state (tables, mapping, the last check); open_import() shows its checked graph.
    [[nodiscard]] ImportDialog& import_dialog() noexcept { return import_dialog_; }
    /// Opens the import dialog's last check when it is current; false (and a message) otherwise.
    bool open_import();
    /// The open graph, or nullptr.
    [[nodiscard]] const Graph* graph() const noexcept { return graph_.get(); }
    /// The open graph shared, for work on another thread that must outlive an edit replacing it.
    [[nodiscard]] std::shared_ptr<const Graph> shared_graph() const noexcept { return graph_; }
    /// The open file, empty when none.
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
    [[nodiscard]] const RecentFiles& recent_files() const noexcept { return recent_; }

    // ---- view and layout ----
    /// The view being shown; after changing it call apply_view().
    [[nodiscard]] ViewSpec& view() noexcept { return view_; }
    [[nodiscard]] const ViewSpec& view() const noexcept { return view_; }
    /// Recomposes the scene from view() in the background, then lays it out; the old picture stays meanwhile.
    void apply_view();
    /// The composed scene and paths of the view shown (view() may be newer while composing).
    [[nodiscard]] const ComposedView& composed() const noexcept { return composed_; }
    /// Counts the views composed (with graph_generation(), says when composed() changed).
    [[nodiscard]] std::size_t composed_generation() const noexcept { return composed_generation_; }
    /// Starts laying out the composed scene again from scratch with its engine, cancelling a layout still running.
    void request_layout();
    /// Re-layout (View menu, Layout panel, script verb relayout): a full layout of the view shown, fitted into
    /// the window. Edits keep the actors where they are drawn; this is how to lay the map out afresh.
    void relayout();
    /// Where the actors of the last pictures stand, by id (what the next edit's picture keeps).
    [[nodiscard]] const ActorPlaces& actor_places() const noexcept { return *places_; }
    /// Collects finished loads, views, layouts, exports and rankings; call once per frame.
    void poll();
    /// Polls until nothing loads, composes or lays out, or the timeout passes; true when idle.
    bool wait_until_idle(std::chrono::milliseconds timeout);
    /// True while a load, a compose, a layout or a Cypher statement runs.
    [[nodiscard]] bool busy() const noexcept { return load_job_ || compose_job_ || layout_job_ || query_job_; }
    /// True while a load, a compose or a Cypher statement runs: view(), graph() and composed() are about to change.
    [[nodiscard]] bool preparing() const noexcept { return load_job_ || compose_job_ || query_job_; }
    [[nodiscard]] WorkStatus work_status() const;
    /// Stops what runs: a load (the open graph stays), a compose (the view shown stays), a layout (the picture
    /// stays), a Cypher statement (the engine stops at its next step; nothing is written).
    void cancel_work();
    [[nodiscard]] LayoutStatus layout_status() const;
    /// The latest finished picture, or nullptr before the first layout.
    [[nodiscard]] const Drawing* drawing() const noexcept { return drawing_ ? &*drawing_ : nullptr; }
    /// Lookups over drawing(), or nullptr without one.
    [[nodiscard]] const DrawingIndex* drawing_index() const noexcept { return drawing_ ? &drawing_index_ : nullptr; }
    /// Counts the graphs shown: each load and each edit replaces the graph (lets the GUI read it again).
    [[nodiscard]] std::size_t graph_generation() const noexcept { return graph_generation_; }
    /// Counts a new picture each time one arrives (lets the GUI notice changes).
    [[nodiscard]] std::size_t drawing_generation() const noexcept { return drawing_generation_; }
    /// Chooses the layout engine and re-lays out.
    void set_engine(LayoutEngine engine);
    /// Lets the size of each view choose the engine (the default), and re-lays out.
    void set_automatic_engine();
    [[nodiscard]] Camera& camera() noexcept { return camera_; }
    [[nodiscard]] const Camera& camera() const noexcept { return camera_; }
    /// Fits the picture into the camera's viewport.
    void fit_to_window();
    /// Fits the drawn actors into the viewport (no closer than 150%); false when none is drawn.
    bool zoom_to_actors(const std::vector<ActorIndex>& actors);
    /// The actors whose names are shown first at any zoom: the selection, the path query's actors,
    /// the focus (see add_actor_labels).
    [[nodiscard]] std::vector<ActorIndex> named_first() const;

    // ---- pointer and selection ----
    /// Updates what is under a picture point.
    void hover(Point picture);
    void clear_hover() noexcept { hovered_.reset(); }
    [[nodiscard]] const std::optional<HoverTarget>& hovered() const noexcept { return hovered_; }
    /// Selects the actor under a picture point (adds to the selection when additive); empty space clears.
    void click(Point picture, bool additive);
    /// Makes the actor the selection (or adds it) without moving the camera.
    void select_actor(ActorIndex actor, bool additive = false);
    /// Selects the actor and centres the camera on it; in a cut-down view of a big graph, an actor
    /// not drawn is pulled into view (its neighbourhood is focused) and centred once drawn.
    void go_to_actor(ActorIndex actor);
    void clear_selection() noexcept { selection_.clear(); }
    /// Selected actors, in the order they were picked.
    [[nodiscard]] const std::vector<ActorIndex>& selection() const noexcept { return selection_; }
    /// Resolves a name (id, label or alias); logs the error and returns nullopt otherwise.
    [[nodiscard]] std::optional<ActorIndex> resolve(std::string_view name);
    /// Up to `limit` actors whose names best match the text (on the caller's thread: for tests and scripts).
    [[nodiscard]] std::vector<ActorIndex> search(std::string_view text, std::size_t limit = 12) const;
    /// Starts the same search in the background (it scans every name: 0.3 s for 100,000 actors);
    /// a newer text replaces one still running.
    void request_search(std::string text, std::size_t limit = 12);
    /// The latest background search.
    [[nodiscard]] const SearchMatches& search_matches() const noexcept { return search_matches_; }

    // ---- filters, focus, paths, rank ----
    /// Replaces the filter and re-lays out.
    void set_filter(GraphFilter filter);
    /// Drops (or shows again) actors the filter leaves without relations, and re-lays out.
    void set_hide_isolated(bool hide);
    /// Clears the filter and shows isolated actors again.
    void reset_filters();
    /// Parses "a>=1; b~x" into relation conditions (on ';' or newlines); false and a message on bad syntax.
    bool set_property_filter(std::string_view text);
    /// The smallest and largest year any relation mentions, or nullopt.
    [[nodiscard]] const std::optional<std::pair<int, int>>& years_present() const noexcept { return facts_.years; }
    /// Every actor kind and relation type in the graph, sorted.
    [[nodiscard]] const std::vector<std::string>& kinds_present() const noexcept { return facts_.kinds; }
    [[nodiscard]] const std::vector<std::string>& types_present() const noexcept { return facts_.types; }
    /// The relation properties a path may be weighted by (those with numeric values).
    [[nodiscard]] const std::vector<std::string>& weights_present() const noexcept { return facts_.weights; }
    /// Shows only the neighbourhood of the actors (empty shows everything).
    void set_focus(std::vector<ActorIndex> actors, std::size_t depth);
    /// True when the focus was capped and more neighbours can be shown.
    [[nodiscard]] bool can_show_more_neighbours() const;
    /// Shows the next page of neighbours of a capped focus (the nearest, best connected first).
    void show_more_neighbours();
    /// Starts a path query that highlights all its paths; false for unknown actors. How many paths
    /// were found is logged once the view is composed (paths() then holds them).
    bool run_path_query(ActorIndex from, ActorIndex to, PathOptions options);
    /// (False too, with an error, for a weight with no numeric value.)
    /// Highlights one path (past the end = all of them) and re-lays out.
    void set_highlighted_path(std::size_t index);
    /// Shows only the actors on the paths, or everything.
    void set_path_only(bool only);
    void clear_path_query();
    /// The paths of the current query, cheapest first.
    [[nodiscard]] const std::vector<Path>& paths() const noexcept { return composed_.paths; }
    /// Every actor the view's filter keeps, ranked by the metric (on the caller's thread: for tests and scripts).
    [[nodiscard]] std::vector<RankedActor> rank(Metric metric) const;
    /// Starts ranking the shown view's actors in the background unless that ranking is done or running.
    void request_ranking(Metric metric);
    /// The latest background ranking.
    [[nodiscard]] const Ranking& ranking() const noexcept { return ranking_; }
    static constexpr std::size_t ranking_rows = 1000;
    /// Sizes nodes by a metric (nullopt = uniform) and re-lays out.
    void set_size_by(std::optional<Metric> metric);

    // ---- analyses (app/explorer_analysis.cpp) ----
    /// Runs a dependence, what-if or cut over the view in the background (Cancel stops it with the
    /// compose); its findings are highlighted and its summary logged once composed. False (and an
    /// error) for a request that cannot run; an analysis failing in the background is logged.
    bool run_analysis(AnalysisRequest request);
    /// Removes the analysis and its highlight.
    void clear_analysis();
    /// What the shown view's analysis found, or nullptr when the view has none.
    [[nodiscard]] const AnalysisOutcome* analysis() const noexcept { return composed_.analysis ? &*composed_.analysis : nullptr; }

    /// Fills the actors by their community (Louvain or Leiden over the view's filter, computed in the
    /// background with the view; the summary is logged once shown); nullopt returns to the kind colours.
    /// False (and an error) without a graph or for a resolution that is not positive.
    bool set_communities(std::optional<CommunityRequest> request);
    /// The method and resolution the Analysis panel's fields show and Detect asks for: the colouring
    /// asked for last (from the panel, a script or the CLI-like verbs), or what the user has typed since.
    [[nodiscard]] CommunityRequest& community_choice() noexcept { return community_choice_; }
    /// The communities the shown view is coloured by, or nullptr (none asked, or they failed: logged).
    [[nodiscard]] const CommunityColouring* communities() const noexcept
    {
        return composed_.communities && composed_.communities->error.empty() ? &*composed_.communities : nullptr;
    }
    /// How many times communities were found (not taken from the cache): a view change that keeps the
    /// graph, the filter and the request finds none.
    [[nodiscard]] std::size_t communities_computed() const noexcept { return community_cache_.computed(); }

    // ---- time (app/explorer_analysis.cpp) ----
    /// Shows what held in the year (year <= Y, or since <= Y <= until), keeping or dropping undated
    /// relations; nullopt returns to the year range. Re-lays out.
    void set_as_of(std::optional<int> year, bool keep_undated);
    /// Starts playing the as-of year through the graph's years (from the current as-of year, else the first).
    void play_years(double seconds_per_year = 1.0);
    void stop_playing() noexcept { player_.stop(); }
    [[nodiscard]] bool playing_years() const noexcept { return player_.playing(); }
    /// Advances the year player by the frame's elapsed seconds; call once per frame.
    void tick(double seconds);

    // ---- export ----
    /// Renders the view shown to a file like `actorgraph export` would, waiting for it (and for a view
    /// being composed); false on failure.
    bool export_view(const std::filesystem::path& output, std::optional<OutputFormat> format = {});
    /// Starts the same export in the background; poll() collects it. Refused while a view is being prepared.
    void start_export(const std::filesystem::path& output, std::optional<OutputFormat> format = {}, ExportExtras extras = {});
    [[nodiscard]] ExportStatus export_status() const;

    // ---- editing (app/explorer_edit.cpp) ----
    /// Runs one edit verb (add-actor, add-relation, set, unset, delete, merge, pin, undo, redo, save,
    /// recover; see edit/edit_script.hpp) on the open file: the change is journalled beside the file, then
    /// the changed graph is shown with the same view. False (and an error message) when nothing changed.
    bool edit(std::string_view verb, const std::vector<std::string>& arguments);
    /// The open file's edit history and journal, from its first edit; nullptr before.
    [[nodiscard]] const EditSession* edit_session() const noexcept { return edit_session_.get(); }
    /// True when the open file has changes that are not saved (the title's and status bar's marker).
    [[nodiscard]] bool dirty() const noexcept;
    /// Applies one change from a form, the inspector or the canvas through the edit session (checked,
    /// journalled, undoable) and shows the edited graph. Returns the problems, each naming its field,
    /// when nothing changed; a journal that cannot be written is one problem with an empty field.
    [[nodiscard]] std::vector<EditProblem> apply_edit(const Change& change);
    /// Undoes / redoes one step (Ctrl+Z, Ctrl+Shift+Z); false when there was none or it failed.
    bool undo();
    bool redo();
    /// "Undo merge of Oyu Tolgoi LLC into Oyu Tolgoi", or "Undo" when there is nothing to undo; the same for redo.
    [[nodiscard]] std::string undo_name() const;
    [[nodiscard]] std::string redo_name() const;
    [[nodiscard]] bool can_undo() const noexcept;
    [[nodiscard]] bool can_redo() const noexcept;
    /// Saves atomically to the open file or to `target` (DOT, GraphML, GEXF or a CSV folder by its name),
    /// which then becomes the open file; the journal is emptied. False and an error message when the
    /// save fails: the changes, the journal and the old file stay.
    bool save(const std::optional<std::filesystem::path>& target = std::nullopt);
    /// The changes the open file's journal offers back, from its opening until they are restored or
    /// discarded (or another file opens); nullopt when there are none.
    [[nodiscard]] const std::optional<RecoveryOffer>& recovery_offer() const noexcept { return recovery_offer_; }
    /// True while the window should ask the recovery question (an offer not postponed).
    [[nodiscard]] bool asks_recovery() const noexcept { return recovery_offer_ && !recovery_offer_->postponed; }
    /// The question (or, after Discard, the confirmation) in words, naming the file and the count.
    [[nodiscard]] std::string recovery_question() const;
    /// Restore replays the journal (the recover verb); Discard asks to confirm, and confirm_discard
    /// empties the journal; back returns to the question; later postpones it (edits are refused
    /// meanwhile, as the journal must be dealt with first). False (and an error) when it failed.
    bool answer_recovery(RecoveryAnswer answer);
    /// Asks a postponed recovery question again (Edit menu).
    void ask_recovery_again() noexcept { if (recovery_offer_) recovery_offer_->postponed = false; }
    /// Forgets the unsaved changes (the user chose Discard): the journal beside the file is emptied, so
    /// the next open does not offer them back. The graph shown stays until another one is opened.
    void discard_changes();

    // ---- Cypher console (app/explorer_query.cpp) ----
    /// Runs one openCypher statement on the open graph in the background (on a copy: the engine writes in
    /// place). A read's rows fill the console's table and the nodes and relationships they hold are highlighted
    /// on the canvas; a write (CREATE, MERGE, SET, REMOVE, DELETE) then goes through the edit history as ONE
    /// step ("Undo Cypher: CREATE ..."), journalled as one record, checked by the same rules as the forms (a
    /// relation needs a `source`, an actor a kind): a write they refuse changes nothing. A statement still
    /// running is cancelled first. The text goes into the query history. False (and an error) without a graph.
    bool run_query(std::string text);
    /// Stops the running statement (the engine checks between steps); nothing it would write is written.
    void cancel_query();
    /// The console: history, the last table or failure, whether a statement runs.
    [[nodiscard]] QueryConsole& query_console() noexcept { return query_console_; }
    [[nodiscard]] const QueryConsole& query_console() const noexcept { return query_console_; }
    /// The engine session the console's reads use (null before the first statement).
    [[nodiscard]] const ConsoleSession* console_session() const noexcept { return console_session_.get(); }
    /// Selects the actors a row of the table names and centres the first; false for a row without actors.
    bool select_query_row(std::size_t row);
    /// Removes the query result's highlight from the view.
    void clear_query_highlight();
    /// Whether the answer becomes the view (only its nodes, relationships and their ends are shown) or is
    /// highlighted in it (the default); kept for later answers until changed.
    void set_query_view_only(bool only);
    [[nodiscard]] bool query_view_only() const noexcept { return view_.highlight_only; }

    // ---- styles ----
    /// The look of the canvas and of exports: the built-in stylesheet with CONFIG/stylesheet.json over it.
    [[nodiscard]] const Stylesheet& stylesheet() const noexcept { return *stylesheet_; }
    /// Reads CONFIG/stylesheet.json again and redraws; false (an error message, the old look kept) on a mistake in it.
    bool reload_stylesheet();
    /// The user's stylesheet file (it need not exist).
    [[nodiscard]] std::filesystem::path stylesheet_file() const { return user_stylesheet_path(options_.config_dir); }

    // ---- messages ----
    [[nodiscard]] const std::vector<ExplorerMessage>& messages() const noexcept { return messages_; }
    /// The text of the latest error, or empty.
    [[nodiscard]] std::string last_error() const;
    /// How many errors were logged since construction (lets callers notice a new one).
    [[nodiscard]] std::size_t error_count() const noexcept { return error_count_; }
    /// How many messages (errors and others) were logged since construction; the log keeps the latest only.
    [[nodiscard]] std::size_t message_count() const noexcept { return message_count_; }
    void info(std::string text);
    void error(std::string text);

private:
    bool start_load(const std::filesystem::path& path, std::optional<ImportMapping> mapping);
    void finish_load();
    void replace_graph(std::shared_ptr<const Graph> graph);
    void install(LoadedGraph loaded, const std::filesystem::path& file, double seconds_taken, bool remember);
    void finish_compose();
    void finish_layout();
    void finish_export();
    void finish_ranking();
    void finish_search();
    void announce(const ComposedView& previous);
    bool centre_on_drawn(ActorIndex actor);
    [[nodiscard]] ViewSpec fresh_view() const;
    /// Polls until no load or compose runs or the timeout passes; true when done.
    bool wait_until_prepared(std::chrono::milliseconds timeout);
    void retire(std::unique_ptr<BackgroundWork> job);
    [[nodiscard]] std::unique_ptr<RenderJob> make_export_job(const std::filesystem::path& output,
                                                             std::optional<OutputFormat> format, const ExportExtras& extras = {});

    ExplorerOptions options_;
    RecentFiles recent_;
    std::shared_ptr<const Graph> graph_;
    std::shared_ptr<QueryCache> queries_;  ///< graph_'s query indexes, shared by the background jobs
    GraphFacts facts_;
    std::filesystem::path file_;
    ViewSpec view_;
    ViewSpec shown_view_;         ///< the spec composed_ was made from (a cancelled compose returns to it)
    ViewSpec composing_view_;     ///< the spec of the compose running
    ComposedView composed_;
    std::string composed_dot_;    ///< composed_ as styled DOT, what layouts and exports render
    std::size_t composed_generation_ = 0;
    bool announce_paths_ = false; ///< log what the next compose finds for the path query
    bool zoom_to_paths_ = false;  ///< bring the highlighted path actors close once the next picture arrives
    std::optional<ActorIndex> centre_when_drawn_;
    std::optional<Drawing> drawing_;
    DrawingIndex drawing_index_;
    std::size_t drawing_generation_ = 0;
    std::size_t graph_generation_ = 0;
    bool fit_on_next_drawing_ = true;
    std::filesystem::path loading_file_;
    ImportDialog import_dialog_;
    std::unique_ptr<BackgroundTask<LoadedGraph>> load_job_;
    std::unique_ptr<BackgroundTask<PreparedView>> compose_job_;
    std::unique_ptr<RenderJob> layout_job_;
    std::unique_ptr<RenderJob> export_job_;
    std::unique_ptr<BackgroundTask<MetricRanking>> rank_job_;
    std::pair<std::size_t, Metric> rank_key_{SIZE_MAX, Metric::degree};  ///< composed generation and metric ranked
    Ranking ranking_;
    std::unique_ptr<BackgroundTask<std::vector<ActorIndex>>> search_job_;
    SearchMatches search_matches_;
    std::vector<std::unique_ptr<BackgroundWork>> retired_;  ///< abandoned work whose threads are ending
    LayoutEngine drawing_engine_ = LayoutEngine::dot;
    double drawing_seconds_ = 0;
    std::string layout_error_;
    std::string export_result_;
    ExportOutcome export_outcome_ = ExportOutcome::none;
    Camera camera_;
    std::optional<HoverTarget> hovered_;
    std::vector<ActorIndex> selection_;
    std::vector<ExplorerMessage> messages_;
    std::shared_ptr<const Stylesheet> stylesheet_;  ///< shared with the compose job that is running
    std::size_t error_count_ = 0;
    std::size_t message_count_ = 0;
    std::unique_ptr<EditSession> edit_session_;  ///< the open file's edits, from the first one
    FileStamp loaded_stamp_;  ///< the open file as it was read: an edit of a file changed since is refused
    void show_edited_graph();
    void start_layout(const std::string& dot, LayoutEngine engine);
    void remember_places(bool merge);
    void forget_moved_pins(const Graph& before);
    std::shared_ptr<const ActorPlaces> places_ = std::make_shared<const ActorPlaces>();  ///< shared with the compose job
    bool keep_places_ = false;     ///< the next apply_view comes from an edit: keep the map
    std::vector<std::string> placed_alone_;  ///< of the kept map being drawn (see ActorPlace::alone)
    bool kept_places_ = false;     ///< the picture shown kept the map
    std::optional<float> shown_layout_top_;  ///< of the last picture: a kept map is shifted back onto it
    bool announce_analysis_ = false;  ///< log what the next compose finds for the analysis
    bool announce_communities_ = false;  ///< log what the next compose finds for the communities
    CommunityRequest community_choice_;  ///< what the panel's fields show (see community_choice())
    CommunityCache community_cache_;     ///< communities found before, by graph generation, filter and request
    std::optional<CommunityKey> composing_communities_;  ///< the key the running compose finds communities for
    YearPlayer player_;
    std::optional<RecoveryOffer> recovery_offer_;
    void announce_analysis();
    void mention_journal();
    /// Starts the edit session on the first edit; false (and an error) when it cannot.
    bool ensure_edit_session();
    /// Shows the edited graph, keeping the focus, selection and path ends by id from `before`.
    void show_after_edit(const Graph& before);
    void finish_query();
    /// Puts a write statement's changes through the edit session; false (and the console's failure) when refused.
    bool write_query_changes(const ChangeGroup& changes);
    void highlight_query_result(const QueryOutcome& outcome, bool wrote);
    std::unique_ptr<BackgroundTask<QueryOutcome>> query_job_;
    std::shared_ptr<std::atomic<bool>> query_cancel_;  ///< shared with the running statement's thread
    std::size_t query_graph_generation_ = 0;           ///< the graph the running statement reads
    std::shared_ptr<ConsoleSession> console_session_;  ///< the engine session of the current graph snapshot
    QueryConsole query_console_{options_.config_dir / "query_history.json"};
};

/// The output format a file name implies, as the CLI reads it: svg without extension, .gv = dot; throws Error otherwise.
[[nodiscard]] OutputFormat output_format_for_path(const std::filesystem::path& path);

}  // namespace actorgraph
