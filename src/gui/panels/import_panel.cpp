#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr std::size_t warnings_shown = 6;

// A combo over a table's columns; "(none)" clears the choice.
void column_combo(const char* label, const std::optional<TablePreview>& preview, std::string& column)
{
    if (!preview) return;
    ImGui::SetNextItemWidth(170);
    if (!ImGui::BeginCombo(label, column.empty() ? "(none)" : display_text(column).c_str())) return;
    if (ImGui::Selectable("(none)", column.empty())) column.clear();
    for (std::size_t i = 0; i < preview->header.size(); ++i) {
        const auto& name = preview->header[i];
        if (ImGui::Selectable(widget_label(name, std::to_string(i)).c_str(), name == column)) column = name;
    }
    ImGui::EndCombo();
}

void draw_preview(const char* id, const std::optional<TablePreview>& preview, const std::string& error)
{
    if (!error.empty()) error_text(error);
    if (!preview || preview->header.empty()) return;
    auto columns = static_cast<int>(std::min<std::size_t>(preview->header.size(), 63));
    auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(preview->rows.size() + 2.5f);
    if (!ImGui::BeginTable(id, columns, flags, {0, height})) return;
    for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(widget_label(preview->header[c], std::to_string(c)).c_str());
    ImGui::TableHeadersRow();
    for (const auto& row : preview->rows) {
        ImGui::TableNextRow();
        for (int c = 0; c < columns && c < static_cast<int>(row.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TextUnformatted(display_text(row[c], 40).c_str());
        }
    }
    ImGui::EndTable();
    ImGui::TextDisabled("%s rows, separated by '%s'", with_thousands(preview->total_rows).c_str(),
                        preview->delimiter == '\t' ? "tab" : std::string(1, preview->delimiter).c_str());
}

void draw_columns(ImportDialog& dialog)
{
    auto& mapping = dialog.mapping;
    if (dialog.nodes_preview()) {
        ImGui::TextDisabled("Actors");
        column_combo("id column", dialog.nodes_preview(), mapping.nodes.id);
        column_combo("kind column", dialog.nodes_preview(), mapping.nodes.kind_column);
    }
    ImGui::SetNextItemWidth(170);
    ImGui::InputTextWithHint("caption", "name, or {first} {last}", &mapping.caption);
    ImGui::SetNextItemWidth(170);
    ImGui::InputTextWithHint("kind of every actor", "e.g. company", &mapping.nodes.kind);
    if (dialog.edges_preview()) {
        ImGui::TextDisabled("Relations");
        column_combo("source column", dialog.edges_preview(), mapping.edges.source);
        column_combo("target column", dialog.edges_preview(), mapping.edges.target);
        column_combo("type column", dialog.edges_preview(), mapping.edges.type_column);
        ImGui::SetNextItemWidth(170);
        ImGui::InputTextWithHint("type of every relation", "e.g. investment", &mapping.edges.type);
    }
}

// One vocabulary map as text; the text follows the dialog's map when something else (a mapping file, a
// script) changed it, and a typed text that is not FOREIGN=ours pairs keeps the old map and says why.
void draw_vocabulary_map(const char* label, const char* hint, const std::map<std::string, std::string>& map,
                         std::string& text, std::map<std::string, std::string>& shown, std::string& message,
                         void (ImportDialog::*set)(std::string_view), ImportDialog& dialog)
{
    if (map != shown) {
        text = ImportDialog::vocabulary_text(map);
        shown = map;
    }
    ImGui::SetNextItemWidth(260);
    if (!ImGui::InputTextWithHint(label, hint, &text)) return;
    try {
        (dialog.*set)(text);
        shown = map;
        message.clear();
    } catch (const Error& failure) {
        message = failure.what();
    }
}

void draw_vocabulary(ImportDialog& dialog, ImportPanelState& panel)
{
    auto& mapping = dialog.mapping;
    draw_vocabulary_map("kind map", "Legislator=official, Committee=organization", mapping.kinds, panel.kind_map_text,
                        panel.kinds_shown, panel.vocabulary_message, &ImportDialog::set_kind_map, dialog);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The file's labels or kinds onto ours; what is not listed stays as the file has it");
    draw_vocabulary_map("type map", "OWNS=investment", mapping.types, panel.type_map_text, panel.types_shown,
                        panel.vocabulary_message, &ImportDialog::set_type_map, dialog);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The file's relationship types onto ours");
    if (!panel.vocabulary_message.empty()) error_text(panel.vocabulary_message);
}

// A graph file (GraphML, GEXF, DOT) or a Neo4j import-set folder, opened through the caption and vocabulary.
void draw_graph_file(Explorer& explorer, ImportDialog& dialog, ImportPanelState& panel, SavingState& saving)
{
    // A script may have chosen the file: the field shows what the dialog holds.
    if (panel.graph_path.empty() && !dialog.graph_file.empty()) panel.graph_path = dialog.graph_file.string();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##graph file", "graph file (.graphml, .gexf, .gv) or Neo4j import folder", &panel.graph_path)) {
        dialog.graph_file = panel.graph_path;
    }
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("caption", "name, or {firstName} {lastName}", &dialog.mapping.caption);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each actor's name from its properties; empty keeps the file's labels");
    draw_vocabulary(dialog, panel);
    ImGui::BeginDisabled(dialog.graph_file.empty());
    if (ImGui::Button("Open with this mapping")) {
        saving.unsaved.request(explorer, "opening " + dialog.graph_file.filename().string(),
                                     [file = dialog.graph_file, mapping = dialog.mapping](Explorer& target) {
                                         (void)target.open_mapped(file, mapping);
                                     });
    }
    ImGui::EndDisabled();
}

void draw_check(Explorer& explorer, ImportDialog& dialog, SavingState& saving)
{
    for (const auto& problem : dialog.problems()) ImGui::TextDisabled("\u2022 %s", display_text(problem, long_text_limit).c_str());
    ImGui::BeginDisabled(!dialog.problems().empty() || dialog.checking());
    if (ImGui::Button("Check")) (void)dialog.start_check();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!dialog.check_is_current());
    if (ImGui::Button("Open")) {
        saving.unsaved.request(explorer, "opening the tables", [](Explorer& target) { (void)target.open_import(); });
    }
    ImGui::EndDisabled();
    if (dialog.checking()) {
        ImGui::SameLine();
        ImGui::TextDisabled("reading the tables\u2026");
    }
    if (!dialog.check_error().empty()) error_text(dialog.check_error());
    if (!dialog.check()) return;
    const auto& graph = *dialog.check()->graph;
    if (!dialog.check_is_current()) ImGui::TextDisabled("The tables or columns changed since this check.");
    ImGui::Text("%s actors, %s relations, %s warnings", with_thousands(graph.actor_count()).c_str(),
                with_thousands(graph.relation_count()).c_str(), with_thousands(graph.diagnostics().size()).c_str());
    std::size_t shown = 0;
    for (const auto& warning : graph.diagnostics()) {
        if (shown++ == warnings_shown) break;
        ImGui::TextWrapped("%s", display_text(warning.to_string(), long_text_limit).c_str());
    }
}

void draw_mapping_file(ImportDialog& dialog, ImportPanelState& state)
{
    // The file on its own line and the buttons below, so nothing is clipped in a narrow column.
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##mapping", "mapping file (.json)", &state.mapping_path);
    auto attempt = [&](auto&& action, const char* done) {
        try {
            action();
            state.mapping_message = std::string(done) + " " + state.mapping_path;
        } catch (const Error& failure) {
            state.mapping_message = failure.what();
        }
    };
    if (ImGui::Button("Load mapping")) attempt([&] { dialog.load_mapping_file(state.mapping_path); }, "loaded");
    ImGui::SameLine();
    if (ImGui::Button("Save mapping")) attempt([&] { dialog.save_mapping_file(state.mapping_path); }, "saved");
    if (!state.mapping_message.empty()) ImGui::TextWrapped("%s", display_text(state.mapping_message, long_text_limit).c_str());
}

}  // namespace

static void draw_import_panel(Explorer& explorer, UiState& state)
{
    auto& dialog = explorer.import_dialog();
    auto& panel = state.import;
    int source = dialog.source == ImportSource::graph_file ? 1 : 0;
    ImGui::RadioButton("Plain tables", &source, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Graph file or Neo4j folder", &source, 1);
    dialog.source = source == 1 ? ImportSource::graph_file : ImportSource::tables;
    if (dialog.source == ImportSource::graph_file) {
        draw_graph_file(explorer, dialog, panel, state.saving);
        draw_mapping_file(dialog, panel);
        return;
    }
    // A script may have filled the dialog: the fields show what it holds.
    if (panel.nodes_text.empty() && !dialog.files.nodes.empty()) panel.nodes_text = dialog.files.nodes.string();
    if (panel.edges_text.empty() && !dialog.files.edges.empty()) panel.edges_text = dialog.files.edges.string();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##nodes", "node table (.csv, .tsv), one actor a row", &panel.nodes_text);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##edges", "edge table (.csv, .tsv), one relation a row", &panel.edges_text);
    if (ImGui::Button("Preview")) {
        dialog.files = {panel.nodes_text, panel.edges_text};
        dialog.refresh_previews();
        dialog.guess_columns();
    }
    draw_preview("nodes preview", dialog.nodes_preview(), dialog.nodes_error());
    draw_preview("edges preview", dialog.edges_preview(), dialog.edges_error());
    if (!dialog.nodes_preview() && !dialog.edges_preview()) return;
    draw_columns(dialog);
    draw_vocabulary(dialog, panel);
    draw_check(explorer, dialog, state.saving);
    draw_mapping_file(dialog, panel);
}

namespace {

class ImportPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Import"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_import_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_import_panel() { return std::make_unique<ImportPanel>(); }

}  // namespace actorgraph::gui
