#include "actorgraph/app/explorer.hpp"

#include <algorithm>

#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/model/spelling.hpp"

namespace fs = std::filesystem;

namespace actorgraph {

namespace {

constexpr std::size_t message_capacity = 200;
constexpr float hover_tolerance_pixels = 5;
// Zooming to a few actors stops here: closer, one actor fills the window and its neighbours vanish.
constexpr float max_zoom_to_actors = 1.5f;
constexpr float zoom_to_margin_pixels = 80;

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
    view_.choose_engine = true;
    view_.size_by = Metric::degree;  // hubs big and named first (see fresh_view)
    view_.limits = options_.limits;
    shown_view_ = view_;
    reload_stylesheet();
}

// A statement still running stops at its next step instead of holding the window open until it ends.
Explorer::~Explorer()
{
    if (query_cancel_) query_cancel_->store(true);
}

bool Explorer::reload_stylesheet()
{
    auto file = stylesheet_file();
    try {
        stylesheet_ = load_stylesheet_over_builtin(file);
    } catch (const std::exception& failure) {
        // Keep drawing with what was there: the built-in sheet at start, the last good one after.
        if (!stylesheet_) stylesheet_ = load_stylesheet_over_builtin({});
        error(std::string(failure.what()) + " (the stylesheet stays as it was)");
        return false;
    }
    if (std::filesystem::exists(file)) info("styles from " + file.string());
    apply_view();
    return true;
}

// ---- view ----

void Explorer::fit_to_window()
{
    if (drawing_) camera_.fit(drawing_->bounds);
}

bool Explorer::zoom_to_actors(const std::vector<ActorIndex>& actors)
{
    std::optional<Rect> box;
    for (auto actor : actors) {
        const auto* element = drawing_ ? find_actor(*drawing_, drawing_index_, actor) : nullptr;
        if (!element) continue;
        const auto& b = element->bounds;
        box = box ? Rect{{std::min(box->min.x, b.min.x), std::min(box->min.y, b.min.y)},
                         {std::max(box->max.x, b.max.x), std::max(box->max.y, b.max.y)}}
                  : b;
    }
    if (!box) return false;
    // Room around the actors for their names, which may be wider than their shapes when far away.
    camera_.fit(*box, zoom_to_margin_pixels);
    if (camera_.zoom() > max_zoom_to_actors) camera_.zoom_by(max_zoom_to_actors / camera_.zoom());
    return true;
}

std::vector<ActorIndex> Explorer::named_first() const
{
    std::vector<ActorIndex> actors = selection_;
    const auto& highlighted = composed_.scene.highlighted.actors;
    actors.insert(actors.end(), highlighted.begin(), highlighted.end());
    actors.insert(actors.end(), shown_view_.focus.begin(), shown_view_.focus.end());
    return actors;
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
    if (!graph_ || actor >= graph_->actor_count()) return;
    select_actor(actor);
    if (centre_on_drawn(actor)) return;
    if (composed_.reduction.kind == ViewReduction::Kind::none) {
        info(graph_->actor(actor).display_name() + " is not in the current view");
        return;
    }
    // A big graph shows only part of itself: pull the actor in with its neighbourhood.
    info("showing " + graph_->actor(actor).display_name() + " and its neighbours");
    set_focus({actor}, 1);
    centre_when_drawn_ = actor;
}

bool Explorer::centre_on_drawn(ActorIndex actor)
{
    const auto* element = drawing_ ? find_actor(*drawing_, drawing_index_, actor) : nullptr;
    if (!element) return false;
    // From an overview the labels are too small to read: come close enough to read them.
    if (camera_.zoom() < 1.2f) camera_.zoom_by(1.2f / camera_.zoom());
    camera_.centre_on(centre_of(element->bounds));
    return true;
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

void Explorer::set_hide_isolated(bool hide)
{
    view_.hide_isolated = hide;
    apply_view();
}

void Explorer::reset_filters()
{
    view_.hide_isolated = false;
    set_filter({});
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

void Explorer::set_focus(std::vector<ActorIndex> actors, std::size_t depth)
{
    view_.focus = std::move(actors);
    view_.focus_depth = depth;
    view_.neighbour_pages = 1;
    apply_view();
}

bool Explorer::can_show_more_neighbours() const
{
    const auto& reduction = composed_.reduction;
    return !shown_view_.focus.empty() && reduction.kind == ViewReduction::Kind::capped_focus && shown_view_.limits &&
           focus_limit(*shown_view_.limits, shown_view_.neighbour_pages + 1) > reduction.shown;
}

void Explorer::show_more_neighbours()
{
    if (!can_show_more_neighbours()) return;
    view_.neighbour_pages = shown_view_.neighbour_pages + 1;
    apply_view();
}

bool Explorer::run_path_query(ActorIndex from, ActorIndex to, PathOptions options)
{
    if (!graph_ || from >= graph_->actor_count() || to >= graph_->actor_count()) return false;
    try {
        bool weighable = std::find(facts_.weights.begin(), facts_.weights.end(), options.weight) != facts_.weights.end();
        if (!options.weight.empty() && !weighable) {
            throw Error(unknown_word_message("weight property (one with numeric values)", options.weight, facts_.weights));
        }
    } catch (const Error& failure) {
        error(failure.what());
        return false;
    }
    view_.path = PathRequest{from, to, std::move(options)};
    view_.highlighted_path = SIZE_MAX;
    announce_paths_ = true;
    zoom_to_paths_ = true;
    apply_view();
    return true;
}

void Explorer::set_highlighted_path(std::size_t index)
{
    view_.highlighted_path = index;
    zoom_to_paths_ = true;
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
    ++message_count_;
    messages_.push_back({ExplorerMessage::Level::info, std::move(text)});
    if (messages_.size() > message_capacity) messages_.erase(messages_.begin());
}

void Explorer::error(std::string text)
{
    ++error_count_;
    ++message_count_;
    messages_.push_back({ExplorerMessage::Level::error, std::move(text)});
    if (messages_.size() > message_capacity) messages_.erase(messages_.begin());
}

}  // namespace actorgraph
