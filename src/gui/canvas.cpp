#include "gui/canvas.hpp"

#include <GLFW/glfw3.h>

#include <cmath>
#include <utility>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/hover_emphasis.hpp"
#include "actorgraph/app/inspector.hpp"
#include "actorgraph/app/label_placement.hpp"
#include "actorgraph/render/stylesheet.hpp"
#include "gui/frame_painter.hpp"

namespace actorgraph::gui {

namespace {

constexpr OutlineStyle hover_outline{{25, 113, 194, 255}, 2};
constexpr OutlineStyle selection_outline{{25, 113, 194, 200}, 3};
constexpr OutlineStyle neighbour_outline{{25, 113, 194, 110}, 1};

ImVec2 to_imvec(Point p) { return {p.x, p.y}; }

void outline(const Explorer& explorer, const Element* element, const OutlineStyle& style, CanvasFrame& frame)
{
    if (element) add_element_outline(*element, explorer.camera(), style, frame);
}

}  // namespace

void Canvas::draw(Explorer& explorer, const Fonts& fonts)
{
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    Rect viewport{{origin.x, origin.y}, {origin.x + size.x, origin.y + size.y}};
    if (std::exchange(keep_centre_, false)) explorer.camera().resize_keeping_centre(viewport);
    else explorer.camera().set_viewport(viewport);

    ImGui::InvisibleButton("canvas", size, ImGuiButtonFlags_MouseButtonLeft);
    handle_input(explorer);
    draw_context_menu(explorer);

    auto& list = *ImGui::GetWindowDrawList();
    list.PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
    list.AddRectFilled(origin, {origin.x + size.x, origin.y + size.y},
                       to_imgui(parse_color(explorer.stylesheet().background)));
    // Filled shapes touch their outlines; anti-aliased fills would leave seams between triangles.
    auto flags = list.Flags;
    list.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    draw_picture(explorer, fonts);
    draw_emphasis(explorer, fonts);
    draw_drag_feedback(explorer);
    list.Flags = flags;
    list.PopClipRect();
    draw_tooltip(explorer);
}

void Canvas::handle_input(Explorer& explorer)
{
    auto& io = ImGui::GetIO();
    auto& camera = explorer.camera();
    bool hovered = ImGui::IsItemHovered();
    Point mouse{io.MousePos.x, io.MousePos.y};

    if (ImGui::IsItemActivated()) {
        dragged_ = false;
        drag_.begin(explorer, camera.to_picture(mouse), io.KeyShift, io.KeyAlt);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        dragged_ = true;
        if (drag_.kind() == CanvasDrag::Kind::pan) camera.pan_by(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (ImGui::IsItemDeactivated()) {
        if (dragged_) {
            bool edits = drag_.kind() == CanvasDrag::Kind::link || drag_.kind() == CanvasDrag::Kind::move;
            if (auto outcome = drag_.end(explorer, camera.to_picture(mouse)); outcome.link) link_ = outcome.link;
            if (edits) explorer.clear_hover();  // the tooltip of the actor the drag started on
        } else {
            drag_.cancel();
            if (hovered) explorer.click(camera.to_picture(mouse), io.KeyShift || io.KeyCtrl);
        }
    }
    if (hovered && io.MouseWheel != 0) camera.zoom_at(mouse, std::pow(1.15f, io.MouseWheel));
    // A double-click on empty canvas, or the right button's menu there, makes an actor at that point.
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !io.KeyShift && !io.KeyAlt) {
        if (auto place = new_actor_place(explorer, camera.to_picture(mouse))) new_actor_ = place;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && new_actor_place(explorer, camera.to_picture(mouse))) {
        context_point_ = camera.to_picture(mouse);
        ImGui::OpenPopup("##canvas_menu");
    }

    // Only a moving pointer changes the hover, so a scripted hover survives a still mouse.
    bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    if (moved && hovered && !dragged_) explorer.hover(camera.to_picture(mouse));
    else if (moved && !hovered && mouse_moved_into_canvas_) explorer.clear_hover();
    if (moved) mouse_moved_into_canvas_ = hovered;

    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) explorer.fit_to_window();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        explorer.clear_selection();
        explorer.clear_hover();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) camera.zoom_by(1.25f);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) camera.zoom_by(0.8f);
}

void Canvas::draw_picture(const Explorer& explorer, const Fonts& fonts)
{
    const auto* drawing = explorer.drawing();
    if (!drawing) return;
    frame_.clear();
    add_visible_picture(*drawing, *explorer.drawing_index(), explorer.camera(), frame_);
    LabelEmphasis emphasis{explorer.composed().scene.highlighted.actors, parse_color(explorer.stylesheet().highlight_color)};
    add_actor_labels(*drawing, *explorer.drawing_index(), explorer.camera(), explorer.named_first(), frame_, emphasis);
    FramePainter(*ImGui::GetWindowDrawList(), fonts).paint(frame_);
}

void Canvas::draw_emphasis(const Explorer& explorer, const Fonts& fonts)
{
    const auto* drawing = explorer.drawing();
    const auto* graph = explorer.graph();
    if (!drawing || !graph) return;
    const auto& index = *explorer.drawing_index();
    frame_.clear();
    for (auto actor : explorer.selection()) outline(explorer, find_actor(*drawing, index, actor), selection_outline, frame_);
    if (const auto& hovered = explorer.hovered()) {
        auto emphasis = hover_emphasis(*graph, *drawing, index, hovered->kind, hovered->index);
        for (const auto* relation : emphasis.relations) outline(explorer, relation, neighbour_outline, frame_);
        outline(explorer, emphasis.element, hover_outline, frame_);
    }
    FramePainter(*ImGui::GetWindowDrawList(), fonts).paint(frame_);
}

void Canvas::draw_context_menu(const Explorer& explorer)
{
    if (!ImGui::BeginPopup("##canvas_menu")) return;
    auto place = new_actor_place(explorer, context_point_);
    if (ImGui::MenuItem("New actor here\u2026", nullptr, false, place.has_value())) new_actor_ = place;
    ImGui::EndPopup();
}

// A link being drawn is a line from its actor to the pointer; a move shows where the actor will be pinned.
void Canvas::draw_drag_feedback(const Explorer& explorer)
{
    auto kind = drag_.kind();
    if (!dragged_ || (kind != CanvasDrag::Kind::link && kind != CanvasDrag::Kind::move)) return;
    auto& list = *ImGui::GetWindowDrawList();
    auto from = explorer.camera().to_screen(drag_.start());
    auto to = ImGui::GetIO().MousePos;
    constexpr ImU32 accent = IM_COL32(25, 113, 194, 255);
    if (kind == CanvasDrag::Kind::link) {
        list.AddLine(to_imvec(from), to, accent, 2.5f);
        list.AddCircleFilled(to, 5, accent);
    } else {
        // Where the actor's centre lands: the pointer plus the offset it was grabbed at.
        auto zoom = explorer.camera().zoom();
        ImVec2 centre{to.x + drag_.grab_offset().x * zoom, to.y + drag_.grab_offset().y * zoom};
        ImVec2 grabbed_centre{from.x + drag_.grab_offset().x * zoom, from.y + drag_.grab_offset().y * zoom};
        list.AddCircle(centre, 12, accent, 0, 2.5f);
        list.AddLine(grabbed_centre, centre, IM_COL32(25, 113, 194, 120), 1.5f);
    }
}

void Canvas::draw_tooltip(const Explorer& explorer) const
{
    const auto& hovered = explorer.hovered();
    const auto* graph = explorer.graph();
    const auto* drawing = explorer.drawing();
    if (!hovered || !graph || !drawing) return;
    const auto& index = *explorer.drawing_index();
    const auto* element = hovered->kind == ElementKind::actor ? find_actor(*drawing, index, hovered->index)
                                                              : find_relation(*drawing, index, hovered->index);
    if (!element) return;
    auto lines = hovered->kind == ElementKind::actor ? actor_tooltip_lines(*graph, hovered->index)
                                                     : relation_tooltip_lines(*graph, hovered->index);
    // Next to the pointer when it is over the canvas, else (a scripted hover) next to the element.
    if (!mouse_moved_into_canvas_) {
        auto corner = explorer.camera().to_screen({element->bounds.max.x, element->bounds.min.y});
        ImGui::SetNextWindowPos(to_imvec(corner));
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = display_text(lines[i], long_text_limit);
        if (i == 0) ImGui::TextColored({0.1f, 0.3f, 0.6f, 1}, "%s", line.c_str());
        else ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace actorgraph::gui
