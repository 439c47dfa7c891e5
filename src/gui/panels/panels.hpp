#pragma once
// The explorer's panels: each draws its widgets inside the current ImGui window and turns
// the user's choices into Explorer actions.
#include "actorgraph/app/explorer.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

/// The selected actor: properties, relations grouped by type with sources, and actions.
void draw_inspector_panel(Explorer& explorer, UiState& state);
/// Type-ahead over labels and aliases; Enter centres and selects.
void draw_search_panel(Explorer& explorer, UiState& state);
/// Kinds, relation types, year range and property filter.
void draw_filters_panel(Explorer& explorer, UiState& state);
/// Path query between two actors and the list of paths found.
void draw_paths_panel(Explorer& explorer, UiState& state);
/// Degree, betweenness and PageRank in a sortable table.
void draw_rank_panel(Explorer& explorer, UiState& state);
/// Engine choice, layout progress and Cancel.
void draw_layout_panel(Explorer& explorer);
/// Export of the current view to SVG, PNG, PDF or DOT.
void draw_export_panel(Explorer& explorer, UiState& state);
/// Plain tables (CSV/TSV) made into a graph: files, first rows, which column is what, a check that
/// shows the counts and warnings, then Open; the mapping can be saved for `actorgraph import --mapping`.
void draw_import_panel(Explorer& explorer, UiState& state);
/// File browser, recent files.
void draw_open_panel(Explorer& explorer, UiState& state);
/// The kinds and relation types the open file holds (custom ones included) with their look;
/// the built-in ones when no file is open.
void draw_legend_panel(const Explorer& explorer);
/// The latest messages, errors in red.
void draw_messages_panel(const Explorer& explorer);

/// A small "loading big.csv… 1.2 s [Cancel]" line for the background work; nothing when idle.
void draw_work_progress(Explorer& explorer);
/// "dot", or "auto (neato)" when the view's size chooses the engine.
[[nodiscard]] std::string engine_label(const Explorer& explorer);
/// Red text for errors.
void error_text(const std::string& text);

}  // namespace actorgraph::gui
