// The Edit panel: New actor and New relation forms. Each problem shows under its field; nothing
// changes until every field is right, and each added actor or relation is one step of Edit > Undo.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/edit_widgets.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

// A text field with a drop-down of the known words beside it (the built-in ones, then the file's own).
void word_field(const char* label, const char* hint, std::string& text, const std::vector<std::string>& words,
                const FieldProblems& problems, std::string_view field)
{
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 100);
    auto problem = problems.of(field);
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 215, 215, 255));
    ImGui::InputTextWithHint("##text", hint, &text);
    note_widget(label, "field");
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    if (ImGui::BeginCombo("##words", nullptr, ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (ImGui::Selectable(widget_label(display_text(words[i]), "word" + std::to_string(i)).c_str(), words[i] == text)) {
                text = words[i];
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
    if (!problem.empty()) error_text(problem);
    ImGui::PopID();
}

// Fills an end of the relation from the selected actor.
void from_selection_button(const char* id, Explorer& explorer, std::string& end)
{
    ImGui::SameLine();
    ImGui::PushID(id);
    bool selected = !explorer.selection().empty();
    ImGui::BeginDisabled(!selected);
    if (noted(ImGui::SmallButton("selected"), std::string("selected ") + id, "button")) end = explorer.graph()->actor(explorer.selection().back()).id;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("the selected actor");
    ImGui::SameLine();
    ImGui::TextUnformatted(id);
    ImGui::PopID();
}

void draw_new_actor(Explorer& explorer, NewActorForm& form)
{
    const auto& problems = form.problems;
    ImGui::PushItemWidth(-100);
    form_field("id", "unique, e.g. erdenes_mgl", form.id, problems, "id");
    ImGui::PopItemWidth();
    word_field("kind", "state, company\u2026 or a new kind", form.kind, kind_choices(explorer), problems, "kind");
    ImGui::PushItemWidth(-100);
    form_field("label", "the name shown", form.label, problems, "label");
    form_field("aliases", "other names, separated by ;", form.aliases, problems, "aliases");
    form_field("description", "one line", form.description, problems, "description");
    ImGui::PopItemWidth();
    property_rows(form.properties);
    if (form.place) {
        ImGui::TextDisabled("at the point chosen on the canvas (pinned there)");
        ImGui::SameLine();
        if (noted(ImGui::SmallButton("let the layout place it"), "let the layout place it", "button")) form.place.reset();
    }
    other_problems(problems, {std::begin(NewActorForm::fields), std::end(NewActorForm::fields)});
    if (noted(ImGui::Button("Add actor"), "Add actor", "button")) form.submit(explorer);
}

void draw_new_relation(Explorer& explorer, NewRelationForm& form)
{
    const auto& problems = form.problems;
    ImGui::PushItemWidth(-170);
    form_field("##from", "from: id, label or alias", form.from, problems, "from");
    from_selection_button("from", explorer, form.from);
    form_field("##to", "to: id, label or alias", form.to, problems, "to");
    from_selection_button("to", explorer, form.to);
    ImGui::PopItemWidth();
    word_field("type", "investment, pressure\u2026", form.type, type_choices(explorer), problems, "type");
    noted(ImGui::Checkbox("undirected (both ways)", &form.undirected), "undirected (both ways)", "checkbox");
    ImGui::PushItemWidth(-100);
    form_field("year", "e.g. 2015", form.year, problems, "year");
    ImGui::TextDisabled("or a span:");
    form_field("since", "first year", form.since, problems, "since");
    form_field("until", "last year", form.until, problems, "until");
    form_field("amount_usd", "US dollars, e.g. 1500000", form.amount_usd, problems, "amount_usd");
    form_field("source", "required: where the fact comes from", form.source, problems, "source");
    form_field("confidence", "B2, or low / medium / high", form.confidence, problems, "confidence");
    ImGui::PopItemWidth();
    property_rows(form.properties);
    other_problems(problems, {std::begin(NewRelationForm::fields), std::end(NewRelationForm::fields)});
    if (noted(ImGui::Button("Add relation"), "Add relation", "button")) form.submit(explorer);
}

}  // namespace

static void draw_edit_panel(Explorer& explorer, UiState& state)
{
    if (!explorer.graph()) {
        ImGui::TextDisabled("Open a file to edit it.");
        return;
    }
    auto& edit = state.edit;
    if (!ImGui::BeginTabBar("##edit_forms")) return;
    bool relation_wanted = std::exchange(edit.show_relation_form, false);
    bool actor_wanted = std::exchange(edit.show_actor_form, false);
    if (ImGui::BeginTabItem("New actor", nullptr, actor_wanted ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_new_actor(explorer, edit.new_actor);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("New relation", nullptr, relation_wanted ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_new_relation(explorer, edit.new_relation);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

namespace {

class EditPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Edit"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_edit_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_edit_panel() { return std::make_unique<EditPanel>(); }

}  // namespace actorgraph::gui
