#pragma once
// The explorer's panels: sections of the side columns that share one interface (as ImHex's views
// override one drawContent()). Each draws its widgets inside the current ImGui window and turns the
// user's choices into Explorer actions; what to show and what a choice means is decided in src/app.
// One file per panel, named after it (search_panel.cpp holds SearchPanel).
#include <memory>
#include <string>

#include "actorgraph/app/explorer.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

class Panel {
public:
    virtual ~Panel() = default;
    /// The section's header; also the key its open state is kept under between runs.
    [[nodiscard]] virtual const char* title() const = 0;
    /// Whether the section is open the first time the explorer runs.
    [[nodiscard]] virtual bool open_by_default() const { return false; }
    /// The widgets inside the section.
    virtual void draw_content(Explorer& explorer, UiState& state) = 0;
};

/// Type-ahead over labels and aliases; Enter centres and selects.
[[nodiscard]] std::unique_ptr<Panel> make_search_panel();
/// Kinds, relation types, year range and property filter.
[[nodiscard]] std::unique_ptr<Panel> make_filters_panel();
/// Path query between two actors and the list of paths found.
[[nodiscard]] std::unique_ptr<Panel> make_paths_panel();
/// Degree, betweenness and PageRank in a sortable table.
[[nodiscard]] std::unique_ptr<Panel> make_rank_panel();
/// Engine choice, layout progress and Cancel.
[[nodiscard]] std::unique_ptr<Panel> make_layout_panel();
/// Export of the current view to SVG, PNG, PDF or DOT.
[[nodiscard]] std::unique_ptr<Panel> make_export_panel();
/// File browser, recent files.
[[nodiscard]] std::unique_ptr<Panel> make_open_panel();
/// Plain tables (CSV/TSV) made into a graph: files, first rows, which column is what, a check that
/// shows the counts and warnings, then Open; the mapping can be saved for `actorgraph import --mapping`.
[[nodiscard]] std::unique_ptr<Panel> make_import_panel();
/// Investment dependence (bar chart with the cap line), what if removed, minimum cut.
[[nodiscard]] std::unique_ptr<Panel> make_analysis_panel();
/// The selected actor: properties, relations grouped by type with sources, and actions.
[[nodiscard]] std::unique_ptr<Panel> make_inspector_panel();
/// The kinds and relation types the open file holds (custom ones included) with their look;
/// the built-in ones when no file is open.
[[nodiscard]] std::unique_ptr<Panel> make_legend_panel();
/// The latest messages, errors in red.
[[nodiscard]] std::unique_ptr<Panel> make_messages_panel();
/// New actor and New relation forms, with each problem next to its field.
[[nodiscard]] std::unique_ptr<Panel> make_edit_panel();
/// The actors and relations the view shows as sortable, filterable tables; a double-click edits a cell.
[[nodiscard]] std::unique_ptr<Panel> make_data_table_panel();
/// The Cypher console: editor with history, Run/Cancel, the failure with its caret, the answer's table.
[[nodiscard]] std::unique_ptr<Panel> make_query_panel();

// Widgets more than one panel (or the toolbar) shows.

/// A small "loading big.csv… 1.2 s [Cancel]" line for the background work; nothing when idle.
void draw_work_progress(Explorer& explorer);
/// "dot", or "auto (neato)" when the view's size chooses the engine.
[[nodiscard]] std::string engine_label(const Explorer& explorer);
/// Red text for errors.
void error_text(const std::string& text);
/// Keeps the next window (a modal) in the middle of the screen.
void centre_next_window();

}  // namespace actorgraph::gui
