#pragma once
// What the panels remember between frames (text being typed, choices not yet applied).
#include <optional>
#include <set>
#include <string>

#include "actorgraph/app/data_table_model.hpp"
#include "actorgraph/app/edit_forms.hpp"
#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/inspector.hpp"
#include "gui/actor_picker.hpp"
#include "gui/file_browser.hpp"
#include "gui/save_dialogs.hpp"

namespace actorgraph::gui {

struct PathPanelState {
    ActorPicker from;
    ActorPicker to;
    int direction = 2;  ///< index into follow, reverse, any: "any" finds the most in a graph of influence
    int k = 3;
    int weight = 0;     ///< 0 = hops, else an index into the weight properties
    bool all_shortest = false;
    bool rank_by_evidence = false;  ///< the path whose weakest relation is best graded first
    std::set<std::string> types;  ///< empty = all
    /// The explorer's path query the fields last showed: a query started elsewhere (a script, the
    /// inspector) replaces the fields once, then the user's edits stand until the next one.
    std::optional<PathRequest> shown_request;
};

struct FilterPanelState {
    bool limit_years = false;
    int year_from = 0;
    int year_to = 0;
    int as_of_year = 0;
    bool keep_undated = true;  ///< as of a year, relations without a year are kept (or dropped)
    std::string property_text;
};

struct RankPanelState {
    int metric = 0;
    std::vector<RankedActor> rows;
    std::size_t rows_key = 0;  ///< what the rows were computed for
    int sort_column = 3;
    bool sort_descending = true;
};

struct ImportPanelState {
    std::string nodes_text;       ///< the node table's path as typed
    std::string edges_text;       ///< the edge table's path as typed
    std::string mapping_path = "mapping.json";
    std::string mapping_message;  ///< what the last load or save of the mapping file said
    std::string graph_path;       ///< the graph file or folder as typed
    std::string kind_map_text, type_map_text;  ///< the vocabulary as typed ("Legislator=official, ...")
    std::map<std::string, std::string> kinds_shown, types_shown;  ///< the maps the texts were made from
    std::string vocabulary_message;  ///< why the last typed map was not taken
};
/// The editing forms (Edit panel, inspector) and their confirmations.
struct EditState {
    NewActorForm new_actor;
    NewRelationForm new_relation;
    PropertyEditor editor;   ///< the inspector's "Edit" section: the selected actor, or a relation picked there
    std::string editor_actor;          ///< the selected actor the editor follows (its id)
    std::size_t editor_generation = 0; ///< the graph the editor's rows were read from
    bool open_editor = false;          ///< open the inspector's Edit section next frame (a relation was picked)
    bool show_actor_form = false;     ///< Edit > New actor asked for its form
    bool show_relation_form = false;  ///< Edit > New relation or a canvas drag asked for its form
    std::optional<DeletionPreview> deleting;  ///< the delete-actor confirmation is open
    std::optional<MergePreview> merging;      ///< the merge confirmation is open
    ActorPicker merge_with;
};

/// The data table panel: both tables (built in the background), the filter field, the cell being edited.
struct DataTablePanelState {
    DataTableModel model;
    std::string filter;  ///< the field's text; the model follows it
    struct Editing {
        TableKind table = TableKind::actors;
        std::uint32_t item = 0;
        std::size_t column = 0;
        std::string text;
        bool focus = true;  ///< put the keyboard in the field on its first frame
    };
    std::optional<Editing> editing;
};

struct AnalysisPanelState {
    ActorPicker target;           ///< the dependence's target; the selected actor until one is picked
    bool limit_years = false;
    int year_from = 0;
    int year_to = 0;
    std::string cap_text = "1/3";
    int group_by = 0;             ///< 0 state, 1 actor
    ActorPicker cut_from;
    ActorPicker cut_to;
    int cut_kind = 0;             ///< 0 actors, 1 relations
    int cut_direction = 0;        ///< follow, reverse, any
    /// The cut the fields last showed: one started elsewhere (a script, the inspector) replaces them once.
    std::optional<CutRequest> shown_cut;
    const Graph* years_for = nullptr;  ///< the graph the year fields were set for
};

/// The query console's editor.
struct QueryPanelState {
    std::string text;                        ///< the statement being written
    std::optional<std::string> replacement;  ///< put into the field being typed in on the next frame (history)
    bool refocus = false;                    ///< give the field the keyboard again (Ctrl+Enter left it)
    std::size_t generation = 0;              ///< the console's answer the editor last showed
    std::size_t measured_generation = 0;     ///< the answer natural_width was measured for
    float natural_width = 0;                 ///< the answer's columns side by side at their widest text
    std::optional<std::size_t> hidden_generation;  ///< the answer whose table strip the user hid
};

struct UiState {
    explicit UiState(std::filesystem::path start) : browser(std::move(start)) {}

    ActorPicker search;
    PathPanelState paths;
    FilterPanelState filters;
    RankPanelState rank;
    FileBrowser browser;
    ImportPanelState import;
    AnalysisPanelState analysis;
    std::string export_path = "actorgraph-view.svg";
    ExportExtras export_extras;  ///< legend and title for the export
    int focus_depth = 1;
    const Graph* filters_for = nullptr;  ///< the graph the filter widgets were initialised for
    std::optional<ActorDetails> inspected;     ///< the inspector's actor, described once
    const Graph* inspected_graph = nullptr;    ///< the graph `inspected` belongs to
    std::size_t inspected_generation = 0;      ///< Explorer::graph_generation() of that graph
    SavingState saving;  ///< Save As and the unsaved-changes question; opening a file goes through it
    EditState edit;
    DataTablePanelState table;
    QueryPanelState query;
};

}  // namespace actorgraph::gui
