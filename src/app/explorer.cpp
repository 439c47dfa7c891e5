#include "actorgraph/app/explorer.hpp"

#include <algorithm>
#include <set>
#include <thread>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/render/stylesheet.hpp"

namespace fs = std::filesystem;

namespace actorgraph {

namespace {

constexpr std::size_t message_capacity = 200;
constexpr float hover_tolerance_pixels = 5;

std::vector<std::string> split_conditions(std::string_view text)
{
    std::vector<std::string> parts;
    std::string current;
    auto flush = [&] {
        auto first = current.find_first_not_of(" \t\r");
        auto last = current.find_last_not_of(" \t\r");
        if (first != std::string::npos) parts.push_back(current.substr(first, last - first + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == ';' || c == '\n') flush();
        else current += c;
    }
    flush();
    return parts;
}

Point centre_of(const Rect& rect) { return {(rect.min.x + rect.max.x) / 2, (rect.min.y + rect.max.y) / 2}; }

}  // namespace

OutputFormat output_format_for_path(const fs::path& path)
{
    auto extension = path.extension().string();
    if (extension.empty()) return OutputFormat::svg;
    auto name = extension.substr(1);
    return parse_output_format(name == "gv" ? "dot" : name);
}

Explorer::Explorer(ExplorerOptions options)
    : options_(std::move(options)), recent_(options_.config_dir / "recent_files.txt")
{
}

Explorer::~Explorer() = default;

// ---- file ----

bool Explorer::open(const fs::path& path)
{
    std::shared_ptr<const Graph> loaded;
    try {
        loaded = std::make_shared<const Graph>(load_graph(path));
    } catch (const Error& failure) {
        // Errors found inside the file already start with "file:line:".
        bool located = !failure.where().file.empty();
        error(std::string("cannot open ") + (located ? "" : path.string() + ": ") + failure.what());
        return false;
    } catch (const std::exception& failure) {
        error("cannot open " + path.string() + ": " + failure.what());
        return false;
    }
    retire(std::move(layout_job_));
    graph_ = std::move(loaded);
    file_ = path;
    auto engine = view_.engine;
    view_ = ViewSpec{};
    view_.engine = engine;
    // The old picture's indices belong to the old graph: it must not be drawn or hit-tested again.
    drawing_.reset();
    ++drawing_generation_;
    composed_ = {};
    selection_.clear();
    hovered_.reset();
    layout_error_.clear();
    fit_on_next_drawing_ = true;
    recent_.add(path);
    info("opened " + path.string() + ": " + std::to_string(graph_->actor_count()) + " actors, " +
         std::to_string(graph_->relation_count()) + " relations, " + std::to_string(graph_->diagnostics().size()) +
         " warnings");
    apply_view();
    return true;
}

// ---- view and layout ----

void Explorer::apply_view()
{
    if (!graph_) return;
    try {
        auto next = compose_view(*graph_, view_);
        bool same_content = next.scene.visible.actors == composed_.scene.visible.actors &&
                            next.scene.visible.relations == composed_.scene.visible.relations;
        if (!same_content) fit_on_next_drawing_ = true;
        composed_ = std::move(next);
    } catch (const std::exception& failure) {
        error(failure.what());
        return;
    }
    request_layout();
}

void Explorer::request_layout()
{
    if (!graph_) return;
    RenderRequest request;
    try {
        request.dot = styled_dot(*graph_, composed_.scene, Stylesheet::builtin());
    } catch (const std::exception& failure) {
        error(failure.what());
        return;
    }
    request.engine = view_.engine;
    request.format = OutputFormat::xdot;
    request.budget = options_.layout_budget;
    retire(std::move(layout_job_));
    layout_job_ = std::make_unique<RenderJob>(std::move(request));
}

void Explorer::poll()
{
    if (layout_job_ && layout_job_->finished()) finish_layout();
    if (export_job_ && export_job_->finished()) finish_export();
    std::erase_if(retired_, [](const auto& job) { return job->finished(); });
}

bool Explorer::wait_for_layout(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        poll();
        if (!layout_job_) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void Explorer::cancel_layout()
{
    if (!layout_job_) return;
    retire(std::move(layout_job_));
    info("layout cancelled; the previous picture stays");
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
    drawing_ = std::move(*outcome.drawing);
    ++drawing_generation_;
    drawing_engine_ = engine;
    drawing_seconds_ = outcome.seconds;
    layout_error_.clear();
    if (fit_on_next_drawing_) fit_to_window();
    fit_on_next_drawing_ = false;
}

LayoutStatus Explorer::layout_status() const
{
    LayoutStatus status;
    status.running = layout_job_ != nullptr;
    status.engine = layout_job_ ? layout_job_->request().engine : drawing_engine_;
    status.seconds = layout_job_ ? layout_job_->elapsed_seconds() : drawing_seconds_;
    status.error = layout_error_;
    return status;
}

void Explorer::set_engine(LayoutEngine engine)
{
    view_.engine = engine;
    fit_on_next_drawing_ = true;
    apply_view();
}

void Explorer::fit_to_window()
{
    if (drawing_) camera_.fit(drawing_->bounds);
}

void Explorer::retire(std::unique_ptr<RenderJob> job)
{
    if (!job) return;
    // Cancelling kills the child process at once; the thread then ends on its own and poll()
    // drops it, so the UI thread never waits for a join.
    job->cancel();
    retired_.push_back(std::move(job));
}

// ---- pointer and selection ----

void Explorer::hover(Point picture)
{
    hovered_.reset();
    if (!drawing_) return;
    const auto* element = drawing_->hit_test(picture, hover_tolerance_pixels / camera_.zoom());
    if (element) hovered_ = HoverTarget{element->kind, element->index};
}

void Explorer::click(Point picture, bool additive)
{
    hover(picture);
    if (!hovered_ || hovered_->kind != ElementKind::actor) {
        if (!additive) selection_.clear();
        return;
    }
    auto actor = hovered_->index;
    if (additive && std::erase(selection_, actor) > 0) return;
    select_actor(actor, additive);
}

void Explorer::select_actor(ActorIndex actor, bool additive)
{
    if (!graph_ || actor >= graph_->actor_count()) return;
    if (!additive) selection_.clear();
    if (std::find(selection_.begin(), selection_.end(), actor) == selection_.end()) selection_.push_back(actor);
}

void Explorer::go_to_actor(ActorIndex actor)
{
    select_actor(actor);
    const auto* element = drawing_ ? drawing_->find_actor(actor) : nullptr;
    if (element) {
        // From an overview the labels are too small to read: come close enough to read them.
        if (camera_.zoom() < 1.2f) camera_.zoom_by(1.2f / camera_.zoom());
        camera_.centre_on(centre_of(element->bounds));
    } else if (graph_ && actor < graph_->actor_count()) {
        info(graph_->actor(actor).display_name() + " is not in the current view");
    }
}

std::optional<ActorIndex> Explorer::resolve(std::string_view name)
{
    if (!graph_) {
        error("no graph is open");
        return std::nullopt;
    }
    try {
        return graph_->resolve(name);
    } catch (const std::exception& failure) {
        error(failure.what());
        return std::nullopt;
    }
}

std::vector<ActorIndex> Explorer::search(std::string_view text, std::size_t limit) const
{
    if (!graph_ || text.empty()) return {};
    return graph_->closest_actors(text, limit);
}

// ---- filters, focus, paths, rank ----

void Explorer::set_filter(GraphFilter filter)
{
    view_.filter = std::move(filter);
    apply_view();
}

bool Explorer::set_property_filter(std::string_view text)
{
    std::vector<PropertyCondition> conditions;
    try {
        for (const auto& part : split_conditions(text)) conditions.push_back(PropertyCondition::parse(part));
    } catch (const std::exception& failure) {
        error(failure.what());
        return false;
    }
    view_.filter.relation_conditions = std::move(conditions);
    apply_view();
    return true;
}

std::optional<std::pair<int, int>> Explorer::years_present() const
{
    if (!graph_) return std::nullopt;
    std::optional<std::pair<int, int>> range;
    auto extend = [&](int year) {
        if (!range) range = std::pair{year, year};
        range->first = std::min(range->first, year);
        range->second = std::max(range->second, year);
    };
    for (const auto& relation : graph_->relations()) {
        auto span = year_span(relation.properties);
        if (!span) continue;
        if (span->first != std::numeric_limits<int>::min()) extend(span->first);
        if (span->last != std::numeric_limits<int>::max()) extend(span->last);
    }
    return range;
}

std::vector<std::string> Explorer::kinds_present() const
{
    std::set<std::string> kinds;
    if (graph_) {
        for (const auto& actor : graph_->actors()) kinds.insert(actor.kind);
    }
    return {kinds.begin(), kinds.end()};
}

std::vector<std::string> Explorer::types_present() const
{
    std::set<std::string> types;
    if (graph_) {
        for (const auto& relation : graph_->relations()) types.insert(relation.type);
    }
    return {types.begin(), types.end()};
}

void Explorer::set_focus(std::vector<ActorIndex> actors, std::size_t depth)
{
    view_.focus = std::move(actors);
    view_.focus_depth = depth;
    apply_view();
}

bool Explorer::run_path_query(ActorIndex from, ActorIndex to, const PathOptions& options)
{
    if (!graph_ || from >= graph_->actor_count() || to >= graph_->actor_count()) return false;
    view_.path = PathRequest{from, to, options};
    view_.highlighted_path = SIZE_MAX;
    apply_view();
    const auto& names = *graph_;
    auto route = names.actor(from).display_name() + " \u2192 " + names.actor(to).display_name();
    if (composed_.paths.empty()) {
        info("no path " + route + " for these options");
        return false;
    }
    info(std::to_string(composed_.paths.size()) + " path(s) " + route);
    return true;
}

void Explorer::set_highlighted_path(std::size_t index)
{
    view_.highlighted_path = index;
    apply_view();
}

void Explorer::set_path_only(bool only)
{
    view_.path_only = only;
    apply_view();
}

void Explorer::clear_path_query()
{
    view_.path.reset();
    view_.path_only = false;
    apply_view();
}

std::vector<RankedActor> Explorer::rank(Metric metric) const
{
    if (!graph_) return {};
    try {
        return rank_actors(*graph_, metric, MetricOptions{view_.filter}, 0);
    } catch (const std::exception&) {
        return {};
    }
}

void Explorer::set_size_by(std::optional<Metric> metric)
{
    view_.size_by = metric;
    apply_view();
}

// ---- export ----

std::unique_ptr<RenderJob> Explorer::make_export_job(const fs::path& output, std::optional<OutputFormat> format)
{
    if (!graph_) {
        error("no graph is open to export");
        return nullptr;
    }
    try {
        // The same steps as `actorgraph export`: compose_view, styled_dot, render in a child process.
        RenderRequest request;
        auto view = compose_view(*graph_, view_);
        request.dot = styled_dot(*graph_, view.scene, Stylesheet::builtin());
        request.engine = view_.engine;
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
    retire(std::move(export_job_));
    export_job_ = make_export_job(output, format);
    if (!export_job_) return false;
    (void)export_job_->wait(options_.layout_budget + std::chrono::seconds(10));
    if (!export_job_->finished()) export_job_->cancel();
    (void)export_job_->wait(std::chrono::seconds(10));
    finish_export();
    return export_result_.starts_with("wrote ");
}

void Explorer::start_export(const fs::path& output, std::optional<OutputFormat> format)
{
    retire(std::move(export_job_));
    export_job_ = make_export_job(output, format);
    if (export_job_) export_result_ = "exporting " + output.string() + "\u2026";
}

void Explorer::finish_export()
{
    auto job = std::move(export_job_);
    auto outcome = job->take_outcome();
    const auto& output = job->request().output;
    if (outcome.ok) {
        export_result_ = "wrote " + output.string() + " (" + output_format_name(job->request().format) + ", " +
                         layout_engine_name(job->request().engine) + ")";
        info(export_result_);
    } else {
        export_result_ = "export to " + output.string() + " failed: " + (outcome.cancelled ? "cancelled" : outcome.message);
        error(export_result_);
    }
}

ExportStatus Explorer::export_status() const
{
    ExportStatus status;
    status.running = export_job_ != nullptr;
    if (export_job_) status.output = export_job_->request().output;
    status.result = export_result_;
    return status;
}

// ---- messages ----

std::string Explorer::last_error() const
{
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it) {
        if (it->level == ExplorerMessage::Level::error) return it->text;
    }
    return {};
}

void Explorer::info(std::string text)
{
    messages_.push_back({ExplorerMessage::Level::info, std::move(text)});
    if (messages_.size() > message_capacity) messages_.erase(messages_.begin());
}

void Explorer::error(std::string text)
{
    ++error_count_;
    messages_.push_back({ExplorerMessage::Level::error, std::move(text)});
    if (messages_.size() > message_capacity) messages_.erase(messages_.begin());
}

}  // namespace actorgraph
