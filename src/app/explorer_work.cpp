// The Explorer's background pipeline: load a file, compose a view, lay it out, export, rank.
// Each stage runs on its own thread; poll() collects what finished on the UI thread, so every
// member the GUI reads changes only there.
#include <thread>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/graph_mapping.hpp"
#include "actorgraph/model/census.hpp"
#include "actorgraph/render/stylesheet.hpp"

namespace fs = std::filesystem;

namespace actorgraph {

namespace {

constexpr auto poll_interval = std::chrono::milliseconds(5);
// A cut-down view of a big graph fitted whole is too small to read (200 actors at ~30%): it opens
// at least this close, where Graphviz's 11 pt labels are 5.5 px, around its middle, where a
// force-directed layout puts the hubs. Fit (F) still shows all of it.
constexpr float reduced_view_zoom = 0.5f;

LoadedGraph load_in_background(const fs::path& path, const std::optional<ImportMapping>& mapping)
{
    try {
        auto graph = std::make_shared<const Graph>(mapping ? load_graph_mapped(path, *mapping) : load_graph(path));
        auto facts = facts_of(*graph);
        return {std::move(graph), std::move(facts)};
    } catch (const Error& failure) {
        // Errors found inside the file already start with "file:line:".
        bool located = !failure.where().file.empty();
        throw Error((located ? "" : path.string() + ": ") + failure.what());
    }
}

// Routing curved edges around nodes is what makes force-directed engines slow: neato takes 12 to
// 40 s for a 150-actor focus on a hub with ~450 relations, and under 1 s with straight edges.
// styled_dot straightens edges only above 500 relations, so the dense cut-down views of big
// graphs get a later graph attribute, which overrides the earlier one.
void straighten_edges(std::string& dot)
{
    auto end = dot.rfind('}');
    if (end != std::string::npos) dot.insert(end, "  graph [splines=\"line\"];\n");
}

// `places`: after an edit, the places of the actors drawn before; the prepared view then also carries
// the DOT that keeps them there (when the scene can keep its map).
// `communities`: the colouring the cache holds for the spec's, or nullptr (found here then).
PreparedView prepare_in_background(const Graph& graph, QueryCache& queries, const ViewSpec& spec, const Stylesheet& style,
                                   const ActorPlaces* places, const CommunityColouring* communities)
{
    PreparedView prepared;
    prepared.view = compose_view(graph, spec, &queries, communities);
    prepared.dot = styled_dot(graph, prepared.view.scene, style);
    bool reduced = prepared.view.reduction.kind != ViewReduction::Kind::none;
    if (reduced && prepared.view.scene.engine != LayoutEngine::dot) straighten_edges(prepared.dot);
    if (!places) return prepared;
    if (auto placed = stable_places(graph, prepared.view.scene, *places)) {
        prepared.placed_dot = with_fixed_places(prepared.dot, *placed);
        for (const auto& place : *placed) {
            if (place.alone) prepared.placed_alone.push_back(graph.actor(place.actor).id);
        }
        // Routing curves around a big map's nodes is slow even with the nodes fixed (see straighten_edges).
        if (prepared.view.scene.visible.relations.size() > 500) straighten_edges(prepared.placed_dot);
    }
    return prepared;
}

bool same_content(const Scene& a, const Scene& b)
{
    return a.visible.actors == b.visible.actors && a.visible.relations == b.visible.relations;
}

}  // namespace

GraphFacts facts_of(const Graph& graph)
{
    GraphFacts facts;
    auto extend = [&](int year) {
        if (!facts.years) facts.years = std::pair{year, year};
        facts.years->first = std::min(facts.years->first, year);
        facts.years->second = std::max(facts.years->second, year);
    };
    for (const auto& relation : graph.relations()) {
        auto span = year_span(relation.properties);
        if (!span) continue;
        if (span->first != std::numeric_limits<int>::min()) extend(span->first);
        if (span->last != std::numeric_limits<int>::max()) extend(span->last);
    }
    auto census = census_of(graph);
    for (auto& [kind, count] : census.kinds) facts.kinds.push_back(std::move(kind));
    for (auto& [type, count] : census.types) facts.types.push_back(std::move(type));
    facts.weights = numeric_relation_properties(graph);
    return facts;
}

// ---- file ----

bool Explorer::open(const fs::path& path)
{
    return start_load(path, std::nullopt);
}

bool Explorer::open_mapped(const fs::path& path, const ImportMapping& mapping)
{
    return start_load(path, mapping);
}

bool Explorer::start_load(const fs::path& path, std::optional<ImportMapping> mapping)
{
    std::error_code ignored;
    if (!fs::exists(path, ignored)) {
        error("cannot open " + path.string() + ": no such file or folder");
        return false;
    }
    retire(std::move(load_job_));
    loading_file_ = path;
    load_job_ = std::make_unique<BackgroundTask<LoadedGraph>>(
        [path, mapping = std::move(mapping)] { return load_in_background(path, mapping); });
    return true;
}

void Explorer::finish_load()
{
    auto job = std::move(load_job_);
    auto outcome = job->take_outcome();
    if (!outcome.value) {
        error("cannot open " + outcome.error);
        return;
    }
    install(std::move(*outcome.value), loading_file_, outcome.seconds, true);
}

void Explorer::adopt(std::shared_ptr<const Graph> graph, const fs::path& shown_as)
{
    if (!graph) return;
    retire(std::move(load_job_));
    auto facts = facts_of(*graph);
    install({std::move(graph), std::move(facts)}, shown_as, 0, false);
}

bool Explorer::open_import()
{
    const auto& dialog = import_dialog_;
    if (!dialog.check_is_current()) {
        error(dialog.check() ? "the tables or the mapping changed since the check: check again before opening"
                             : "check the tables before opening them" + (dialog.check_error().empty() ? "" : " (" + dialog.check_error() + ")"));
        return false;
    }
    const auto& files = dialog.files;
    adopt(dialog.check()->graph, files.edges.empty() ? files.nodes : files.edges);
    return true;
}

// Stops the work on the old graph and forgets what was derived from it: the old picture's indices belong
// to the old graph, so it must not be drawn or hit-tested again. The camera, view and selection stay.
void Explorer::replace_graph(std::shared_ptr<const Graph> graph)
{
    retire(std::move(compose_job_));
    retire(std::move(layout_job_));
    retire(std::move(rank_job_));
    retire(std::move(search_job_));
    graph_ = std::move(graph);
    ++graph_generation_;
    queries_ = std::make_shared<QueryCache>(*graph_);
    drawing_.reset();  // (shown_layout_top_ stays: the next picture of an edit is shifted onto it)
    drawing_index_ = {};
    ++drawing_generation_;
    composed_ = {};
    composed_dot_.clear();
    ranking_ = {};
    search_matches_ = {};
    hovered_.reset();
    centre_when_drawn_.reset();
}

void Explorer::install(LoadedGraph loaded, const fs::path& file, double seconds_taken, bool remember)
{
    replace_graph(std::move(loaded.graph));
    edit_session_.reset();  // the edits belonged to the graph shown before
    places_ = std::make_shared<const ActorPlaces>();  // and so did the places of its actors
    shown_layout_top_.reset();
    recovery_offer_.reset();  // mention_journal offers the new file's own
    player_.stop();  // its years belonged to the graph shown before
    facts_ = std::move(loaded.facts);
    file_ = file;
    loaded_stamp_ = stamp_of(file_);
    view_ = fresh_view();
    shown_view_ = view_;
    selection_.clear();
    layout_error_.clear();
    fit_on_next_drawing_ = true;
    if (remember) recent_.add(file_);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", seconds_taken);
    info("opened " + file_.string() + " in " + seconds + ": " + with_thousands(graph_->actor_count()) + " actors, " +
         with_thousands(graph_->relation_count()) + " relations, " + with_thousands(finding_count(graph_->diagnostics())) +
         " warnings");
    mention_journal();
    apply_view();
}

ViewSpec Explorer::fresh_view() const
{
    // The engine choice outlives the file; everything else starts over.
    ViewSpec fresh;
    fresh.engine = view_.engine;
    fresh.choose_engine = view_.choose_engine;
    fresh.limits = options_.limits;
    // A new user's first question is who matters: big actors drawn big (and so named first).
    fresh.size_by = Metric::degree;
    return fresh;
}

// ---- view and layout ----

void Explorer::apply_view()
{
    if (!graph_) return;
    retire(std::move(compose_job_));
    // The running layout draws a scene about to be replaced: stop it rather than show it.
    retire(std::move(layout_job_));
    composing_view_ = view_;
    auto graph = graph_;
    auto queries = queries_;
    auto spec = view_;
    auto style = stylesheet_;  // shared: a reload while this runs replaces the pointer, not the sheet
    // Only a view recomposed for an edit keeps the map; any other change of the view lays it out afresh.
    auto places = std::exchange(keep_places_, false) ? places_ : nullptr;
    // Communities found before for this graph, filter and request are reused; else the compose finds
    // them and finish_compose keeps them under this key.
    std::shared_ptr<const CommunityColouring> communities;
    composing_communities_.reset();
    if (view_.communities) {
        CommunityKey key{graph_generation_, view_.filter, *view_.communities};
        communities = community_cache_.find(key);
        if (!communities) composing_communities_ = std::move(key);
    }
    compose_job_ = std::make_unique<BackgroundTask<PreparedView>>([graph, queries, spec, style, places, communities] {
        return prepare_in_background(*graph, *queries, spec, *style, places.get(), communities.get());
    });
}

void Explorer::finish_compose()
{
    auto job = std::move(compose_job_);
    auto outcome = job->take_outcome();
    if (!outcome.value) {
        error(outcome.error);
        announce_paths_ = false;
        announce_analysis_ = false;
        announce_communities_ = false;
        return;
    }
    bool keeps_map = !outcome.value->placed_dot.empty();
    if (!keeps_map && !same_content(outcome.value->view.scene, composed_.scene)) fit_on_next_drawing_ = true;
    auto previous = std::move(composed_);
    composed_ = std::move(outcome.value->view);
    if (composing_communities_ && composed_.communities) community_cache_.store(std::move(*composing_communities_), *composed_.communities);
    composing_communities_.reset();
    composed_dot_ = std::move(outcome.value->dot);
    shown_view_ = composing_view_;
    ++composed_generation_;
    announce(previous);
    placed_alone_ = std::move(outcome.value->placed_alone);
    if (keeps_map) start_layout(outcome.value->placed_dot, LayoutEngine::nop);
    else request_layout();
}

void Explorer::announce(const ComposedView& previous)
{
    if (!composed_.reduction.text.empty() && composed_.reduction.text != previous.reduction.text) {
        info(composed_.reduction.text);
    }
    announce_analysis();
    if (!announce_paths_ || !shown_view_.path || !graph_) return;
    announce_paths_ = false;
    const auto& request = *shown_view_.path;
    auto route = graph_->actor(request.from).display_name() + " \u2192 " + graph_->actor(request.to).display_name();
    if (composed_.paths.empty()) info("no path " + route + " for these options");
    else info(std::to_string(composed_.paths.size()) + " path(s) " + route);
}

void Explorer::request_layout()
{
    if (!graph_ || composed_dot_.empty()) return;
    start_layout(composed_dot_, composed_.scene.engine);
}

void Explorer::relayout()
{
    if (!graph_ || composed_dot_.empty()) return;
    fit_on_next_drawing_ = true;
    request_layout();
}

void Explorer::start_layout(const std::string& dot, LayoutEngine engine)
{
    RenderRequest request;
    request.dot = dot;
    request.engine = engine;
    request.format = OutputFormat::xdot;
    request.budget = options_.layout_budget;
    request.runner = options_.layout_runner;
    retire(std::move(layout_job_));
    layout_job_ = std::make_unique<RenderJob>(std::move(request));
}

void Explorer::poll()
{
    if (load_job_ && load_job_->finished()) finish_load();
    if (compose_job_ && compose_job_->finished()) finish_compose();
    if (layout_job_ && layout_job_->finished()) finish_layout();
    if (export_job_ && export_job_->finished()) finish_export();
    if (rank_job_ && rank_job_->finished()) finish_ranking();
    if (search_job_ && search_job_->finished()) finish_search();
    if (query_job_ && query_job_->finished()) finish_query();
    import_dialog_.poll();
    std::erase_if(retired_, [](const auto& job) { return job->finished(); });
}

bool Explorer::wait_until_idle(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        poll();
        if (!busy()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(poll_interval);
    }
}

bool Explorer::wait_until_prepared(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        poll();
        if (!preparing()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(poll_interval);
    }
}

WorkStatus Explorer::work_status() const
{
    if (load_job_) return {WorkStatus::Stage::loading, load_job_->elapsed_seconds(), "loading " + loading_file_.filename().string()};
    if (compose_job_) {
        auto text = composing_view_.analysis ? std::string("composing the view: ") + analysis_name(*composing_view_.analysis) : "composing the view";
        return {WorkStatus::Stage::composing, compose_job_->elapsed_seconds(), text};
    }
    if (query_job_) return {WorkStatus::Stage::querying, query_job_->elapsed_seconds(), "running the Cypher query"};
    if (!layout_job_) return {};
    auto actors = with_thousands(composed_.scene.visible.actors.size());
    if (layout_job_->request().engine == LayoutEngine::nop) {
        return {WorkStatus::Stage::laying_out, layout_job_->elapsed_seconds(), "keeping " + actors + " actors in place, routing the relations"};
    }
    return {WorkStatus::Stage::laying_out, layout_job_->elapsed_seconds(),
            "laying out " + actors + " actors with " + layout_engine_name(layout_job_->request().engine)};
}

void Explorer::cancel_work()
{
    cancel_query();
    if (!busy()) return;
    if (load_job_) info("opening " + loading_file_.string() + " cancelled; the open graph stays");
    else if (compose_job_) info("cancelled; the view shown stays");
    else info("layout cancelled; the previous picture stays");
    retire(std::move(load_job_));
    if (compose_job_) view_ = shown_view_;
    retire(std::move(compose_job_));
    retire(std::move(layout_job_));
    announce_paths_ = false;
    announce_analysis_ = false;
    player_.stop();
    zoom_to_paths_ = false;
    centre_when_drawn_.reset();
}

void Explorer::finish_layout()
{
    auto job = std::move(layout_job_);
    auto outcome = job->take_outcome();
    auto engine = job->request().engine;
    if (outcome.cancelled) return;
    if (!outcome.ok || !outcome.drawing) {
        layout_error_ = outcome.message;
        error(std::string("layout with ") + layout_engine_name(engine) + " failed: " + outcome.message);
        return;
    }
    bool kept = engine == LayoutEngine::nop;
    drawing_ = std::move(*outcome.drawing);
    drawing_index_ = std::move(outcome.index);
    ++drawing_generation_;
    // A kept map is still the engine's picture; nop only routed the relations.
    drawing_engine_ = kept ? composed_.scene.engine : engine;
    kept_places_ = kept;
    drawing_seconds_ = outcome.seconds;
    layout_error_.clear();
    remember_places(kept);
    // The picture is flipped around its top edge, which moves when the map grows upwards: shift the
    // camera by as much, so every kept actor stays where it is on screen.
    if (kept && shown_layout_top_) camera_.pan_by(0, -(drawing_->layout_top - *shown_layout_top_) * camera_.zoom());
    shown_layout_top_ = drawing_->layout_top;
    if (kept) fit_on_next_drawing_ = false;
    if (fit_on_next_drawing_) {
        fit_to_window();
        bool reduced = composed_.reduction.kind != ViewReduction::Kind::none;
        if (reduced && camera_.zoom() < reduced_view_zoom) camera_.zoom_by(reduced_view_zoom / camera_.zoom());
    }
    // A new path query is what the user looks at: bring its actors close (they are named first).
    if (zoom_to_paths_ && shown_view_.path && !composed_.paths.empty()) (void)zoom_to_actors(composed_.scene.highlighted.actors);
    zoom_to_paths_ = false;
    fit_on_next_drawing_ = false;
    if (centre_when_drawn_) (void)centre_on_drawn(*centre_when_drawn_);
    centre_when_drawn_.reset();
}

LayoutStatus Explorer::layout_status() const
{
    LayoutStatus status;
    status.running = layout_job_ != nullptr;
    status.engine = layout_job_ ? layout_job_->request().engine : drawing_engine_;
    status.seconds = layout_job_ ? layout_job_->elapsed_seconds() : drawing_seconds_;
    status.error = layout_error_;
    status.kept_places = !status.running && kept_places_;
    return status;
}

void Explorer::set_engine(LayoutEngine engine)
{
    view_.engine = engine;
    view_.choose_engine = false;
    fit_on_next_drawing_ = true;
    apply_view();
}

void Explorer::set_automatic_engine()
{
    view_.choose_engine = true;
    fit_on_next_drawing_ = true;
    apply_view();
}

void Explorer::retire(std::unique_ptr<BackgroundWork> job)
{
    if (!job) return;
    // Cancelling kills a layout's child process at once; a load or compose runs to its end. The
    // thread then ends on its own and poll() drops it, so the UI thread never waits for a join.
    job->cancel();
    retired_.push_back(std::move(job));
}

// ---- rank ----

void Explorer::request_ranking(Metric metric)
{
    if (!graph_ || preparing()) return;
    std::pair key{composed_generation_, metric};
    if (key == rank_key_) return;
    rank_key_ = key;
    retire(std::move(rank_job_));
    ranking_.metric = metric;
    ranking_.running = true;
    auto graph = graph_;
    auto queries = queries_;
    auto filter = shown_view_.filter;
    rank_job_ = std::make_unique<BackgroundTask<MetricRanking>>(
        [graph, queries, filter, metric] { return rank_actors_result(*queries, metric, MetricOptions{filter}, ranking_rows); });
}

void Explorer::finish_ranking()
{
    auto job = std::move(rank_job_);
    auto outcome = job->take_outcome();
    ranking_.running = false;
    ++ranking_.generation;
    ranking_.rows.clear();
    if (!outcome.value) {
        error("cannot rank: " + outcome.error);
        return;
    }
    ranking_.of = outcome.value->of;
    ranking_.sampled = outcome.value->sampled;
    ranking_.samples = outcome.value->samples;
    ranking_.rows = std::move(outcome.value->actors);
}

// ---- search ----

void Explorer::request_search(std::string text, std::size_t limit)
{
    retire(std::move(search_job_));
    search_matches_.text = text;
    search_matches_.running = graph_ && !text.empty();
    if (!search_matches_.running) {
        search_matches_.actors.clear();
        ++search_matches_.generation;
        return;
    }
    auto graph = graph_;
    search_job_ = std::make_unique<BackgroundTask<std::vector<ActorIndex>>>(
        [graph, text = std::move(text), limit] { return graph->closest_actors(text, limit); });
}

void Explorer::finish_search()
{
    auto job = std::move(search_job_);
    auto outcome = job->take_outcome();
    search_matches_.running = false;
    search_matches_.actors = outcome.value ? std::move(*outcome.value) : std::vector<ActorIndex>{};
    ++search_matches_.generation;
}

// ---- export ----

std::unique_ptr<RenderJob> Explorer::make_export_job(const fs::path& output, std::optional<OutputFormat> format,
                                                     const ExportExtras& extras)
{
    if (!graph_ || composed_dot_.empty()) {
        error("no view is open to export");
        return nullptr;
    }
    try {
        // What is on screen, rendered like `actorgraph export`: the styled DOT, Graphviz in a child process.
        if (!file_.empty()) refuse_overwriting_input(file_, {output}, false);
        RenderRequest request;
        request.dot = composed_dot_;
        // Colours by community mean nothing without their key: such a picture always carries its legend.
        bool legend = extras.legend || composed_.scene.colouring.has_value();
        if (legend || !extras.title.empty()) {
            // The picture on screen with a legend and title: the same scene, labelled (styled_dot is
            // milliseconds for a view the explorer lays out).
            auto scene = composed_.scene;
            scene.legend = scene.legend || legend;
            if (!extras.title.empty()) scene.title = extras.title;
            request.dot = styled_dot(*graph_, scene, *stylesheet_);
        }
        request.engine = composed_.scene.engine;
        request.format = format ? *format : output_format_for_path(output);
        request.output = output;
        request.budget = options_.layout_budget;
        return std::make_unique<RenderJob>(std::move(request));
    } catch (const std::exception& failure) {
        error(std::string("cannot export ") + output.string() + ": " + failure.what());
        return nullptr;
    }
}

bool Explorer::export_view(const fs::path& output, std::optional<OutputFormat> format)
{
    if (!wait_until_prepared(options_.layout_budget)) {
        error("cannot export " + output.string() + ": the view is still being prepared");
        return false;
    }
    retire(std::move(export_job_));
    export_job_ = make_export_job(output, format);
    if (!export_job_) return false;
    (void)export_job_->wait(options_.layout_budget + std::chrono::seconds(10));
    if (!export_job_->finished()) export_job_->cancel();
    (void)export_job_->wait(std::chrono::seconds(10));
    finish_export();
    return export_outcome_ == ExportOutcome::written;
}

void Explorer::start_export(const fs::path& output, std::optional<OutputFormat> format, ExportExtras extras)
{
    if (preparing()) {
        error("cannot export while the view is being prepared; try again when it is shown");
        return;
    }
    retire(std::move(export_job_));
    export_job_ = make_export_job(output, format, extras);
    if (export_job_) {
        export_result_ = "exporting " + output.string() + "\u2026";
        export_outcome_ = ExportOutcome::running;
        return;
    }
    export_result_ = last_error();  // make_export_job said why
    export_outcome_ = ExportOutcome::failed;
}

void Explorer::finish_export()
{
    auto job = std::move(export_job_);
    auto outcome = job->take_outcome();
    const auto& output = job->request().output;
    if (outcome.ok) {
        export_result_ = "wrote " + output.string() + " (" + output_format_name(job->request().format) + ", " +
                         layout_engine_name(job->request().engine) + ")";
        export_outcome_ = ExportOutcome::written;
        info(export_result_);
    } else {
        export_result_ = "export to " + output.string() + " failed: " + (outcome.cancelled ? "cancelled" : outcome.message);
        export_outcome_ = ExportOutcome::failed;
        error(export_result_);
    }
}

ExportStatus Explorer::export_status() const
{
    ExportStatus status;
    status.running = export_job_ != nullptr;
    if (export_job_) status.output = export_job_->request().output;
    status.result = export_result_;
    status.outcome = export_outcome_;
    return status;
}

}  // namespace actorgraph
