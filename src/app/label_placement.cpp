#include "actorgraph/app/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace actorgraph {

namespace {

// Space between a name and its neighbours, in pixels.
constexpr float label_padding = 2.0f;
// The grid cells of the placed names: at most this many per side, and never smaller than this.
constexpr int max_cells_per_side = 64;
constexpr float min_cell_pixels = 48.0f;

bool overlap(const Rect& a, const Rect& b)
{
    return a.max.x > b.min.x && a.min.x < b.max.x && a.max.y > b.min.y && a.min.y < b.max.y;
}

// A cell number from a position in cells, clamped before the conversion: a hostile picture can put
// a box 1e30 pixels away, and converting that (or a NaN) to int is undefined.
int cell_index(float cells, int count)
{
    if (!(cells > 0)) return 0;
    if (cells >= static_cast<float>(count - 1)) return count - 1;
    return static_cast<int>(cells);
}

// The names placed so far, in a coarse grid over the viewport so each test looks at a few boxes.
class LabelSpace {
public:
    explicit LabelSpace(const Rect& viewport) : area_(viewport)
    {
        cell_ = std::max({min_cell_pixels, viewport.width() / max_cells_per_side, viewport.height() / max_cells_per_side});
        columns_ = std::clamp(static_cast<int>(std::ceil(viewport.width() / cell_)), 1, max_cells_per_side);
        rows_ = std::clamp(static_cast<int>(std::ceil(viewport.height() / cell_)), 1, max_cells_per_side);
        cells_.resize(static_cast<std::size_t>(columns_ * rows_));
    }

    [[nodiscard]] bool free(const Rect& box) const
    {
        bool clear = true;
        each_cell(box, [&](const std::vector<Rect>& cell) {
            clear = clear && std::none_of(cell.begin(), cell.end(), [&](const Rect& taken) { return overlap(taken, box); });
        });
        return clear;
    }

    void take(const Rect& box)
    {
        each_cell(box, [&](std::vector<Rect>& cell) { cell.push_back(box); });
    }

private:
    // Calls f on the cells the box meets (boxes past the viewport's edge go to its border cells).
    template <class Cells, class F>
    static void each_cell_of(Cells& self, const Rect& box, F&& f)
    {
        auto column = [&](float x) { return cell_index((x - self.area_.min.x) / self.cell_, self.columns_); };
        auto row = [&](float y) { return cell_index((y - self.area_.min.y) / self.cell_, self.rows_); };
        for (int r = row(box.min.y); r <= row(box.max.y); ++r) {
            for (int c = column(box.min.x); c <= column(box.max.x); ++c) f(self.cells_[static_cast<std::size_t>(r * self.columns_ + c)]);
        }
    }
    template <class F>
    void each_cell(const Rect& box, F&& f) const { each_cell_of(*this, box, f); }
    template <class F>
    void each_cell(const Rect& box, F&& f) { each_cell_of(*this, box, f); }

    Rect area_;
    float cell_ = min_cell_pixels;
    int columns_ = 1;
    int rows_ = 1;
    std::vector<std::vector<Rect>> cells_;
};

Point centre_of(const Rect& rect) { return {(rect.min.x + rect.max.x) / 2, (rect.min.y + rect.max.y) / 2}; }

// The screen box of one line of a name drawn `size` pixels high with its baseline's left end at `left`.
Rect line_box(Point left, float width, float size)
{
    return {{left.x - label_padding, left.y - size * 0.85f - label_padding},
            {left.x + width + label_padding, left.y + size * 0.3f + label_padding}};
}

Rect united(const Rect& a, const Rect& b)
{
    return {{std::min(a.min.x, b.min.x), std::min(a.min.y, b.min.y)}, {std::max(a.max.x, b.max.x), std::max(a.max.y, b.max.y)}};
}

// One line of a name as it would be drawn: its left baseline point, its size and its shape.
struct PlacedLine {
    Point left;
    float size = 0;
    const Shape* shape = nullptr;
};

class LabelWriter {
public:
    LabelWriter(const Drawing& drawing, const DrawingIndex& index, const Camera& camera, CanvasFrame& frame,
                const LabelEmphasis& emphasis)
        : drawing_(drawing), index_(index), camera_(camera), frame_(frame), emphasis_(emphasis), space_(camera.viewport()),
          zoom_(camera.zoom()), screen_(camera.viewport())
    {
    }

    // Names drawn at their own size keep their place: nothing is put over them.
    void reserve_own_size_names()
    {
        for (auto position : index_.label_order()) {
            if (!on_screen(position)) continue;
            bool named = false;
            for (const auto& shape : drawing_.elements[position].shapes) {
                if (shape.kind != Shape::Kind::text || shape.font_size * zoom_ < readable_label_pixels) continue;
                auto size = shape.font_size * zoom_;
                space_.take(line_box(own_left(shape), shape.text_width * zoom_, size));
                named = true;
            }
            if (named) space_.take(screen_box(position));
        }
    }

    void place(std::uint32_t position)
    {
        if (!on_screen(position)) return;
        const auto& element = drawing_.elements[position];
        lines_.clear();
        Rect box{};
        auto centre = camera_.to_screen(centre_of(element.bounds));
        for (const auto& shape : element.shapes) {
            if (shape.kind != Shape::Kind::text || shape.text.empty() || shape.points.empty()) continue;
            auto own = shape.font_size * zoom_;
            if (own >= readable_label_pixels || own <= 0) return;  // drawn at its own size already
            // Lines keep their places relative to the actor's centre, spread by the same factor as the text grows.
            float grow = far_label_pixels / own;
            auto anchor = camera_.to_screen(shape.points[0]);
            Point at{centre.x + (anchor.x - centre.x) * grow, centre.y + (anchor.y - centre.y) * grow};
            float width = shape.text_width * zoom_ * grow;
            at.x -= shape.align == 0 ? width / 2 : shape.align > 0 ? width : 0;
            auto line = line_box(at, width, far_label_pixels);
            box = lines_.empty() ? line : united(box, line);
            lines_.push_back({at, far_label_pixels, &shape});
        }
        if (lines_.empty() || !overlap(box, screen_) || !space_.free(box)) return;
        space_.take(box);
        // A named actor's shape stays clear of the names placed after it, so a hub is seen, not only read.
        space_.take(screen_box(position));
        write(box, emphasised(element));
    }

private:
    [[nodiscard]] Rect screen_box(std::uint32_t position) const
    {
        const auto& bounds = drawing_.elements[position].bounds;
        return {camera_.to_screen(bounds.min), camera_.to_screen(bounds.max)};
    }

    [[nodiscard]] bool on_screen(std::uint32_t position) const
    {
        return position < drawing_.elements.size() && overlap(screen_box(position), screen_);
    }

    [[nodiscard]] Point own_left(const Shape& shape) const
    {
        auto at = camera_.to_screen(shape.points.empty() ? Point{} : shape.points[0]);
        float width = shape.text_width * zoom_;
        at.x -= shape.align == 0 ? width / 2 : shape.align > 0 ? width : 0;
        return at;
    }

    [[nodiscard]] bool emphasised(const Element& element) const
    {
        return element.kind == ElementKind::actor &&
               std::binary_search(emphasis_.actors.begin(), emphasis_.actors.end(), static_cast<ActorIndex>(element.index));
    }

    void write(const Rect& box, bool framed)
    {
        auto first = static_cast<std::uint32_t>(frame_.points.size());
        frame_.points.insert(frame_.points.end(), {box.min, {box.max.x, box.min.y}, box.max, {box.min.x, box.max.y}});
        frame_.primitives.push_back({ScreenPrimitive::Kind::convex_fill, first, 4, far_label_plate, 1, nullptr});
        if (framed) frame_.primitives.push_back({ScreenPrimitive::Kind::closed_stroke, first, 4, emphasis_.colour, 2, nullptr});
        for (const auto& line : lines_) {
            auto at = static_cast<std::uint32_t>(frame_.points.size());
            frame_.points.push_back(line.left);
            frame_.primitives.push_back({ScreenPrimitive::Kind::text, at, 1, line.shape->pen, line.size, line.shape});
        }
        ++frame_.counts.far_labels;
    }

    const Drawing& drawing_;
    const DrawingIndex& index_;
    const Camera& camera_;
    CanvasFrame& frame_;
    const LabelEmphasis& emphasis_;
    LabelSpace space_;
    float zoom_;
    Rect screen_;
    std::vector<PlacedLine> lines_;
};

}  // namespace

void add_actor_labels(const Drawing& drawing, const DrawingIndex& index, const Camera& camera,
                      std::span<const ActorIndex> pinned, CanvasFrame& frame, const LabelEmphasis& emphasis)
{
    if (index.size() != drawing.elements.size()) return;  // an index of another picture
    LabelWriter writer(drawing, index, camera, frame, emphasis);
    writer.reserve_own_size_names();
    std::vector<std::uint32_t> first;
    for (auto actor : pinned) {
        if (auto position = index.actor_element(actor)) first.push_back(*position);
    }
    for (auto position : first) writer.place(position);
    std::sort(first.begin(), first.end());
    for (auto position : index.label_order()) {
        if (!std::binary_search(first.begin(), first.end(), position)) writer.place(position);
    }
}

}  // namespace actorgraph
