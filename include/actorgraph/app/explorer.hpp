#pragma once
// The explorer's state and actions without any GUI code: the window forwards input here and
// draws what it reads back; tests and scripts drive the same object without a window.
// No method throws: failures become messages, and the previous graph and picture stay.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/app/camera.hpp"
#include "actorgraph/app/render_job.hpp"
#include "actorgraph/app/user_config.hpp"
#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/render/drawing.hpp"

namespace actorgraph {

struct ExplorerOptions {
    std::filesystem::path config_dir = user_config_dir();  ///< recent files live here
    std::chrono::milliseconds layout_budget{std::chrono::minutes(2)};
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
};

/// What the pointer is over.
struct HoverTarget {
    ElementKind kind = ElementKind::actor;
    std::uint32_t index = 0;
    friend bool operator==(const HoverTarget&, const HoverTarget&) = default;
};

/// An export running in the background.
struct ExportStatus {
    bool running = false;
    std::filesystem::path output;
    std::string result;  ///< "wrote …" or the error of the last export
};

class Explorer {
public:
    explicit Explorer(ExplorerOptions options = {});
    ~Explorer();
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;

    // ---- file ----
    /// Loads a graph, resets the view and starts a layout; on failure keeps the old graph and logs "file:line: reason".
    bool open(const std::filesystem::path& path);
    /// The open graph, or nullptr.
    [[nodiscard]] const Graph* graph() const noexcept { return graph_.get(); }
    /// The open file, empty when none.
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
    [[nodiscard]] const RecentFiles& recent_files() const noexcept { return recent_; }

    // ---- view and layout ----
    /// The view being shown; after changing it call apply_view().
    [[nodiscard]] ViewSpec& view() noexcept { return view_; }
    [[nodiscard]] const ViewSpec& view() const noexcept { return view_; }
    /// Recomposes the scene from view() and starts a layout of it.
    void apply_view();
    /// The composed scene and paths of the current view (may be newer than the drawing).
    [[nodiscard]] const ComposedView& composed() const noexcept { return composed_; }
    /// Starts laying out the current scene, cancelling a layout still running.
    void request_layout();
    /// Collects a finished layout or export; call once per frame.
    void poll();
    /// Polls until no layout runs or the timeout passes; true when idle.
    bool wait_for_layout(std::chrono::milliseconds timeout);
    /// Stops the running layout; the previous picture stays.
    void cancel_layout();
    [[nodiscard]] LayoutStatus layout_status() const;
    /// The latest finished picture, or nullptr before the first layout.
    [[nodiscard]] const Drawing* drawing() const noexcept { return drawing_ ? &*drawing_ : nullptr; }
    /// Counts a new picture each time one arrives (lets the GUI notice changes).
    [[nodiscard]] std::size_t drawing_generation() const noexcept { return drawing_generation_; }
    /// Chooses the layout engine and re-lays out.
    void set_engine(LayoutEngine engine);
    [[nodiscard]] Camera& camera() noexcept { return camera_; }
    [[nodiscard]] const Camera& camera() const noexcept { return camera_; }
    /// Fits the picture into the camera's viewport.
    void fit_to_window();

    // ---- pointer and selection ----
    /// Updates what is under a picture point.
    void hover(Point picture);
    void clear_hover() noexcept { hovered_.reset(); }
    [[nodiscard]] const std::optional<HoverTarget>& hovered() const noexcept { return hovered_; }
    /// Selects the actor under a picture point (adds to the selection when additive); empty space clears.
    void click(Point picture, bool additive);
    /// Makes the actor the selection (or adds it) without moving the camera.
    void select_actor(ActorIndex actor, bool additive = false);
    /// Selects the actor and centres the camera on it when it is drawn.
    void go_to_actor(ActorIndex actor);
    void clear_selection() noexcept { selection_.clear(); }
    /// Selected actors, in the order they were picked.
    [[nodiscard]] const std::vector<ActorIndex>& selection() const noexcept { return selection_; }
    /// Resolves a name (id, label or alias); logs the error and returns nullopt otherwise.
    [[nodiscard]] std::optional<ActorIndex> resolve(std::string_view name);
    /// Up to `limit` actors whose names best match the text.
    [[nodiscard]] std::vector<ActorIndex> search(std::string_view text, std::size_t limit = 12) const;

    // ---- filters, focus, paths, rank ----
    /// Replaces the filter and re-lays out.
    void set_filter(GraphFilter filter);
    /// Parses "a>=1; b~x" into relation conditions (on ';' or newlines); false and a message on bad syntax.
    bool set_property_filter(std::string_view text);
    /// The smallest and largest year any relation mentions, or nullopt.
    [[nodiscard]] std::optional<std::pair<int, int>> years_present() const;
    /// Every actor kind and relation type in the graph, sorted.
    [[nodiscard]] std::vector<std::string> kinds_present() const;
    [[nodiscard]] std::vector<std::string> types_present() const;
    /// Shows only the neighbourhood of the actors (empty shows everything).
    void set_focus(std::vector<ActorIndex> actors, std::size_t depth);
    /// Runs a path query, highlights all its paths, and re-lays out; false when none was found.
    bool run_path_query(ActorIndex from, ActorIndex to, const PathOptions& options);
    /// Highlights one path (past the end = all of them) and re-lays out.
    void set_highlighted_path(std::size_t index);
    /// Shows only the actors on the paths, or everything.
    void set_path_only(bool only);
    void clear_path_query();
    /// The paths of the current query, cheapest first.
    [[nodiscard]] const std::vector<Path>& paths() const noexcept { return composed_.paths; }
    /// Every actor the view's filter keeps, ranked by the metric.
    [[nodiscard]] std::vector<RankedActor> rank(Metric metric) const;
    /// Sizes nodes by a metric (nullopt = uniform) and re-lays out.
    void set_size_by(std::optional<Metric> metric);

    // ---- export ----
    /// Renders the current view to a file like `actorgraph export` would, waiting for it; false on failure.
    bool export_view(const std::filesystem::path& output, std::optional<OutputFormat> format = {});
    /// Starts the same export in the background; poll() collects it.
    void start_export(const std::filesystem::path& output, std::optional<OutputFormat> format = {});
    [[nodiscard]] ExportStatus export_status() const;

    // ---- messages ----
    [[nodiscard]] const std::vector<ExplorerMessage>& messages() const noexcept { return messages_; }
    /// The text of the latest error, or empty.
    [[nodiscard]] std::string last_error() const;
    /// How many errors were logged since construction (lets callers notice a new one).
    [[nodiscard]] std::size_t error_count() const noexcept { return error_count_; }
    void info(std::string text);
    void error(std::string text);

private:
    void finish_layout();
    void finish_export();
    void retire(std::unique_ptr<RenderJob> job);
    [[nodiscard]] std::unique_ptr<RenderJob> make_export_job(const std::filesystem::path& output,
                                                             std::optional<OutputFormat> format);

    ExplorerOptions options_;
    RecentFiles recent_;
    std::shared_ptr<const Graph> graph_;
    std::filesystem::path file_;
    ViewSpec view_;
    ComposedView composed_;
    std::optional<Drawing> drawing_;
    std::size_t drawing_generation_ = 0;
    bool fit_on_next_drawing_ = true;
    std::unique_ptr<RenderJob> layout_job_;
    std::unique_ptr<RenderJob> export_job_;
    std::vector<std::unique_ptr<RenderJob>> retired_;  ///< cancelled jobs whose threads are ending
    LayoutEngine drawing_engine_ = LayoutEngine::dot;
    double drawing_seconds_ = 0;
    std::string layout_error_;
    std::string export_result_;
    Camera camera_;
    std::optional<HoverTarget> hovered_;
    std::vector<ActorIndex> selection_;
    std::vector<ExplorerMessage> messages_;
    std::size_t error_count_ = 0;
};

/// The output format a file name implies, as the CLI reads it: svg without extension, .gv = dot; throws Error otherwise.
[[nodiscard]] OutputFormat output_format_for_path(const std::filesystem::path& path);

}  // namespace actorgraph
