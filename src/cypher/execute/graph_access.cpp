#include "cypher/execute/graph_access.hpp"

#include <algorithm>
#include <bit>
#include <charconv>

#include "actorgraph/model/schema.hpp"
#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher {

namespace {


bool is_generated(const Actor& actor)
{
    return std::string_view(actor.id).starts_with(generated_id_prefix);
}

std::optional<std::int64_t> parse_integer(std::string_view text)
{
    text = trim_spaces(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// Numbers only: parse_number would also take "inf" or "nan", which are words here.
bool spelled_as_number(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty()) return false;
    bool digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return false;
    }
    return digit;
}


// The Neo4j type keyword of a scalar property value.
std::string_view scalar_type_keyword(const Value& value)
{
    switch (value.type()) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Integer: return "long";
    case ValueType::Float: return "double";
    case ValueType::String: return "string";
    case ValueType::Date: return "date";
    case ValueType::LocalTime: return "localtime";
    case ValueType::Time: return "time";
    case ValueType::LocalDateTime: return "localdatetime";
    case ValueType::DateTime: return "datetime";
    case ValueType::Duration: return "duration";
    default: return {};
    }
}

std::optional<TemporalKind> temporal_kind_of(std::string_view keyword)
{
    if (keyword == "date") return TemporalKind::Date;
    if (keyword == "localtime") return TemporalKind::LocalTime;
    if (keyword == "time") return TemporalKind::Time;
    if (keyword == "localdatetime") return TemporalKind::LocalDateTime;
    if (keyword == "datetime") return TemporalKind::DateTime;
    if (keyword == "duration") return TemporalKind::Duration;
    return std::nullopt;
}

// A list is typed (and stored the way Neo4j and split_list keep arrays, joined by ';') when its elements
// share one type and no string element holds the separator or is empty; otherwise it stays [a, b] text.
std::string_view list_element_type(const List& list)
{
    if (list.empty()) return {};
    auto type = scalar_type_keyword(list.front());
    for (const auto& element : list) {
        if (scalar_type_keyword(element) != type) return {};
        if (element.is_string()) {
            const auto& text = element.as_string();
            if (text.empty() || text.find(';') != std::string::npos || trim_spaces(text) != text) return {};
        }
    }
    return type;
}

// The value read as the declared type; nullopt when its text is not one.
std::optional<Value> scalar_as_type(std::string_view type, std::string_view text)
{
    if (type == "string") return Value::string(std::string(text));
    if (!text_fits_property_type(type, text)) return std::nullopt;
    if (type == "boolean") return Value::boolean(text == "true");
    if (type == "long") return Value::integer(*parse_integer(text));
    if (type == "double") return Value::floating(*parse_number(text));
    auto kind = temporal_kind_of(type);
    if (!kind) return std::nullopt;
    try {
        return Value::temporal(temporal::parse(*kind, text, {}));
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::optional<Value> value_as_type(std::string_view type, std::string_view text)
{
    if (!type.ends_with("[]")) return scalar_as_type(type, text);
    type.remove_suffix(2);
    List elements;
    for (const auto& piece : split_list(text)) {
        auto element = scalar_as_type(type, piece);
        if (!element) return std::nullopt;
        elements.push_back(std::move(*element));
    }
    return Value::list(std::move(elements));
}

}  // namespace

std::string property_type_of(const Value& value)
{
    if (!value.is_list()) return std::string(scalar_type_keyword(value));
    auto element = list_element_type(value.as_list());
    return element.empty() ? std::string() : std::string(element) + "[]";
}

Value typed_property_value(std::string_view type, std::string_view name, std::string_view text)
{
    if (!type.empty()) {
        if (auto value = value_as_type(type, text)) return std::move(*value);
    }
    return property_value(name, text);
}

std::string typed_property_text(const Value& value)
{
    if (!value.is_list() || list_element_type(value.as_list()).empty()) return property_text(value);
    std::string text;
    for (const auto& element : value.as_list()) {
        if (!text.empty()) text += ';';
        text += property_text(element);
    }
    return text;
}

namespace {

// Records the type of a value Cypher wrote, so it reads back typed after a save and reload (the last write of
// a name decides; values of the name that do not fit it, such as 1.5 under long, read by the untyped rule). A string that reads back as a string anyway declares
// nothing, so text read from untyped files keeps reading by the untyped rule; one spelled as a number or a
// boolean (which GEXF's writer would type) declares string.
void declare_type(PropertyTypes& types, std::string_view key, const Value& value)
{
    auto type = property_type_of(value);
    if (type == "string" && types.of(key).empty()) {
        const auto& text = value.as_string();
        bool looks_typed = text == "true" || text == "false" || !property_value(key, text).is_string();
        if (!looks_typed) return;
    }
    types.declare(key, type);
}

}  // namespace

Value property_value(std::string_view name, std::string_view text)
{
    bool integer_field = name == schema::year || name == schema::since || name == schema::until;
    if (name == schema::amount_usd) {
        if (auto number = parse_number(text); number && spelled_as_number(text)) return Value::floating(*number);
        return Value::string(std::string(text));
    }
    if (auto integer = parse_integer(text)) return Value::integer(*integer);
    if (!integer_field && spelled_as_number(text)) {
        if (auto number = parse_number(text)) return Value::floating(*number);
    }
    return Value::string(std::string(text));
}

std::string property_text(const Value& value)
{
    if (value.is_temporal()) return temporal_text(value.as_temporal());
    switch (value.type()) {
    case ValueType::Null: return {};
    case ValueType::Boolean: return value.as_boolean() ? "true" : "false";
    case ValueType::Integer: return std::to_string(value.as_integer());
    case ValueType::Float: return format_float(value.as_float());
    case ValueType::String: return value.as_string();
    case ValueType::List: {
        std::string text = "[";
        for (const auto& element : value.as_list()) {
            if (text.size() > 1) text += ", ";
            text += element.is_string() ? quote_string(element.as_string()) : property_text(element);
        }
        return text + "]";
    }
    default: return {};
    }
}

void check_property_value(const Value& value, const std::string& key)
{
    auto scalar = [](const Value& v) { return v.is_boolean() || v.is_number() || v.is_string() || v.is_temporal(); };
    if (value.is_null() || scalar(value)) return;
    if (value.is_list() && std::all_of(value.as_list().begin(), value.as_list().end(), scalar)) return;
    throw Error(ErrorClass::TypeError, "InvalidPropertyType", Phase::runtime,
                "property '" + key + "' cannot hold a " + type_name(value.type()));
}

std::vector<std::string> GraphAccess::labels(ActorIndex node) const
{
    require_node(node);
    const auto& actor = graph_.actor(node);
    std::vector<std::string> result;
    if (!actor.kind.empty()) result.push_back(actor.kind.str());
    auto more = actor.properties.find(labels_property);
    if (more != actor.properties.end()) {
        for (auto& label : split_list(more->second)) {
            if (std::find(result.begin(), result.end(), label) == result.end()) result.push_back(std::move(label));
        }
    }
    return result;
}

bool GraphAccess::has_label(ActorIndex node, std::string_view label) const
{
    require_node(node);
    const auto& actor = graph_.actor(node);
    if (actor.kind == label) return true;
    auto more = actor.properties.find(labels_property);
    if (more == actor.properties.end()) return false;
    for (const auto& each : split_list(more->second)) {
        if (each == label) return true;
    }
    return false;
}

Value GraphAccess::stored_value(const Map* typed, const Properties& properties, const PropertyTypes& types,
                                std::string_view key) const
{
    if (typed) {
        auto found = typed->find(key);
        if (found != typed->end()) return found->second;
    }
    auto found = properties.find(key);
    if (found == properties.end()) return {};
    return typed_property_value(types.of(key), key, found->second);
}

Value GraphAccess::node_property(ActorIndex node, std::string_view key) const
{
    require_node(node);
    const auto& actor = graph_.actor(node);
    // A node made without a string id has a generated one, hidden; an `id` of another type is a property.
    if (key == "id" && !is_generated(actor)) return Value::string(actor.id);
    if (key == "label") return actor.label.empty() ? Value() : Value::string(actor.label);
    if (key == "aliases") {
        if (actor.aliases.empty()) return {};
        List aliases;
        for (const auto& alias : actor.aliases) aliases.push_back(Value::string(alias));
        return Value::list(std::move(aliases));
    }
    if (key == labels_property) return {};
    auto typed = overlay_.nodes.find(node);
    return stored_value(typed == overlay_.nodes.end() ? nullptr : &typed->second, actor.properties, graph_.actor_property_types, key);
}

Map GraphAccess::node_properties(ActorIndex node) const
{
    require_node(node);
    const auto& actor = graph_.actor(node);
    Map result;
    for (std::string_view key : {"id", "label", "aliases"}) {
        auto value = node_property(node, key);
        if (!value.is_null()) result.emplace(std::string(key), std::move(value));
    }
    for (const auto& [key, text] : actor.properties) {
        if (key == labels_property) continue;
        result.insert_or_assign(std::string(key), node_property(node, key));
    }
    return result;
}

// A relation property read from its number column (LabelIndex::relation_numbers): parsed once per graph version
// for every relation, then read per row without finding and parsing the text. The column is built once a
// statement has read the key of a quarter of the relations (a scan, not a lookup of a few), kept by the session
// for later statements until the graph changes, and used only while the statement has written nothing (a write
// changes the version; rebuilding per written row would cost more than reading the text). Values that are not
// numbers read the slow way.
const LabelIndex::NumberColumn& GraphAccess::relationship_numbers(std::string_view key) const
{
    const auto& types = graph_.relation_property_types;
    return label_index_->relation_numbers(graph_, key, [&](std::string_view text) {
        return typed_property_value(types.of(key), key, text);
    });
}

bool GraphAccess::unchanged_by_statement() const noexcept
{
    return graph_.version() == version_at_start_ && nodes_to_delete_.empty() && relationships_to_delete_.empty();
}

bool GraphAccess::column_reads_as_typed(std::string_view key, const LabelIndex::NumberColumn& column) const
{
    using Kind = LabelIndex::NumberColumn::Kind;
    for (const auto& [relationship, typed] : overlay_.relationships) {
        auto value = typed.find(key);
        if (value == typed.end() || relationship >= column.kinds.size()) continue;
        auto kind = column.kinds[relationship];
        bool same = (kind == Kind::integer && value->second.is_integer() &&
                     value->second.as_integer() == column.integers[relationship]) ||
                    (kind == Kind::floating && value->second.is_float() &&
                     std::bit_cast<std::uint64_t>(value->second.as_float()) ==
                         std::bit_cast<std::uint64_t>(column.floats[relationship]));
        if (!same) return false;
    }
    return true;
}

std::vector<RelationIndex> GraphAccess::relationships_of_types(const std::vector<std::string>& types) const
{
    std::vector<RelationIndex> relationships;
    for (const auto& type : types) {
        auto these = relationships_of_type(type);
        relationships.insert(relationships.end(), these.begin(), these.end());
    }
    if (types.size() > 1) {  // a type named twice adds its list once
        std::sort(relationships.begin(), relationships.end());
        relationships.erase(std::unique(relationships.begin(), relationships.end()), relationships.end());
    }
    return relationships;
}

std::optional<Value> GraphAccess::relationship_number(RelationIndex relationship, std::string_view key) const
{
    using Kind = LabelIndex::NumberColumn::Kind;
    if (graph_.version() != version_at_start_) return std::nullopt;
    // The column of the key read last, remembered: a scan reads one key per row, and finding it by hash per
    // row cost as much as the rest of the row (two expressions reading it, as a WHERE and a sum(), compare texts).
    bool same_key = key.size() == column_key_.size() && (key.data() == column_key_.data() || key == column_key_);
    const auto* column = same_key && column_ ? column_ : label_index_->built_relation_numbers(graph_, key);
    if (column) {
        column_ = column;
        column_key_ = key;
    } else {
        if (key != counted_key_) {
            counted_key_ = key;
            counted_reads_ = 0;
        }
        if (++counted_reads_ < std::max<std::size_t>(graph_.relation_count() / 4, 1024)) return std::nullopt;
        column = &relationship_numbers(key);
    }
    switch (column->kinds[relationship]) {
    case Kind::absent: return Value();
    case Kind::integer: return Value::integer(column->integers[relationship]);
    case Kind::floating: return Value::floating(column->floats[relationship]);
    case Kind::other: return std::nullopt;
    }
    return std::nullopt;
}

Value GraphAccess::relationship_property(RelationIndex relationship, std::string_view key) const
{
    require_relationship(relationship);
    // Most graphs have no value Cypher typed: a scan then reads the text without a hash lookup per row.
    auto typed = overlay_.relationships.empty() ? overlay_.relationships.end() : overlay_.relationships.find(relationship);
    if (typed == overlay_.relationships.end() || !typed->second.contains(key)) {
        if (auto number = relationship_number(relationship, key)) return std::move(*number);
    }
    return stored_value(typed == overlay_.relationships.end() ? nullptr : &typed->second,
                        graph_.relation(relationship).properties, graph_.relation_property_types, key);
}

Map GraphAccess::relationship_properties(RelationIndex relationship) const
{
    require_relationship(relationship);
    Map result;
    for (const auto& [key, text] : graph_.relation(relationship).properties) {
        result.emplace(std::string(key), relationship_property(relationship, key));
    }
    return result;
}

void GraphAccess::write_labels(ActorIndex node, const std::vector<std::string>& labels)
{
    auto& actor = graph_.actor_for_edit(node);
    // The kind is the first built-in kind among the labels, else the first label, as neo4j_labels does.
    auto known = std::find_if(labels.begin(), labels.end(), [](const std::string& l) { return schema::is_known_kind(l); });
    if (known == labels.end()) known = labels.begin();
    actor.kind = known == labels.end() ? Term() : Term(*known);
    std::string rest;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it == known) continue;
        if (!rest.empty()) rest += ';';
        rest += *it;
    }
    if (rest.empty()) {
        actor.properties.erase(labels_property);
    } else {
        actor.properties.insert_or_assign(labels_property, rest);
    }
}

ActorIndex GraphAccess::create_node(const std::vector<std::string>& labels, const Map& properties, Statistics& stats)
{
    start_undo_log();
    Actor actor;
    Map typed;
    for (const auto& [key, value] : properties) {
        check_property_value(value, key);
        if (value.is_null()) continue;
        if (key == "id" && value.is_string() && !value.as_string().empty()) {
            actor.id = value.as_string();
        } else if (key == "label" && value.is_string()) {
            actor.label = value.as_string();
        } else if (key == "aliases" && value.is_list()) {
            for (const auto& alias : value.as_list()) actor.aliases.push_back(property_text(alias));
        } else if (key == labels_property) {
            throw Error(ErrorClass::SemanticError, "ReservedProperty", Phase::runtime,
                        "'labels' is where actorgraph keeps a node's labels; set labels with n:Label");
        } else {
            actor.properties.insert_or_assign(key, typed_property_text(value));
            declare_type(graph_.actor_property_types, key, value);
            typed.emplace(key, value);
        }
        ++stats.properties_set;
    }
    if (actor.id.empty()) {
        do {
            actor.id = std::string(generated_id_prefix) + std::to_string(overlay_.next_generated_id++);
        } while (graph_.find_by_id(actor.id));
    } else if (graph_.find_by_id(actor.id)) {
        throw Error(ErrorClass::ConstraintVerificationFailed, "DuplicateId", Phase::runtime,
                    "a node with id '" + actor.id + "' exists already");
    }
    auto node = graph_.add_actor(std::move(actor));
    undo_log_.emplace_back(CreatedNode{});
    if (!typed.empty()) overlay_.nodes[node] = std::move(typed);
    std::vector<std::string> distinct;
    for (const auto& label : labels) {
        if (std::find(distinct.begin(), distinct.end(), label) == distinct.end()) distinct.push_back(label);
    }
    write_labels(node, distinct);
    record_created_node(node);
    stats.labels_added += static_cast<std::int64_t>(distinct.size());
    ++stats.nodes_created;
    return node;
}

RelationIndex GraphAccess::create_relationship(ActorIndex source, ActorIndex target, const std::string& type,
                                               const Map& properties, Statistics& stats)
{
    require_node(source);
    require_node(target);
    start_undo_log();
    Relation relation;
    relation.source = source;
    relation.target = target;
    relation.type = type;
    Map typed;
    for (const auto& [key, value] : properties) {
        check_property_value(value, key);
        if (value.is_null()) continue;
        relation.properties.insert_or_assign(key, typed_property_text(value));
        declare_type(graph_.relation_property_types, key, value);
        typed.emplace(key, value);
        ++stats.properties_set;
    }
    auto index = graph_.add_relation(std::move(relation));
    undo_log_.emplace_back(CreatedRelationship{});
    if (!typed.empty()) overlay_.relationships[index] = std::move(typed);
    record_created_relationship(index);
    ++stats.relationships_created;
    return index;
}

void GraphAccess::set_stored(Map& typed, Properties& properties, PropertyTypes& types, const std::string& key,
                             const Value& value,
                             Statistics& stats)
{
    check_property_value(value, key);
    if (value.is_null()) {
        typed.erase(key);
        if (properties.erase(key) > 0) ++stats.properties_removed;
        return;
    }
    properties.insert_or_assign(key, typed_property_text(value));
    declare_type(types, key, value);
    typed.insert_or_assign(key, value);
    ++stats.properties_set;
}

void GraphAccess::set_node_property(ActorIndex node, const std::string& key, const Value& value, Statistics& stats)
{
    require_node(node);
    if (key == labels_property) {
        throw Error(ErrorClass::SemanticError, "ReservedProperty", Phase::runtime,
                    "'labels' is where actorgraph keeps a node's labels; set labels with n:Label");
    }
    if (key == "id" || key == "label" || key == "aliases") return set_node_name(node, key, value, stats);
    log_property_before(true, node, key);
    set_stored(overlay_.nodes[node], graph_.actor_for_edit(node).properties, graph_.actor_property_types, key, value, stats);
    record_property(EditTarget{graph_.actor(node).id, std::nullopt}, key, graph_.actor(node).properties);
}

// id, label and aliases live in the actor's fields, which the name indexes hold, so they change through
// rename_actor. An id that is not a non-empty string is a plain property beside a generated (hidden) id, as
// create_node stores it.
void GraphAccess::set_node_name(ActorIndex node, const std::string& key, const Value& value, Statistics& stats)
{
    check_property_value(value, key);
    log_property_before(true, node, "id");
    log_names_before(node);
    const auto& actor = graph_.actor(node);
    ActorNames names{actor.id, actor.label, actor.aliases};
    bool had = !node_property(node, key).is_null();
    if (key == "id") {
        if (value.is_string() && !value.as_string().empty()) {
            names.id = value.as_string();
            if (names.id != actor.id && graph_.find_by_id(names.id)) {
                throw Error(ErrorClass::ConstraintVerificationFailed, "DuplicateId", Phase::runtime,
                            "a node with id '" + names.id + "' exists already");
            }
        } else if (!is_generated(actor)) {
            do {
                names.id = std::string(generated_id_prefix) + std::to_string(overlay_.next_generated_id++);
            } while (graph_.find_by_id(names.id));
        }
        Map& typed = overlay_.nodes[node];
        if (value.is_string() && !value.as_string().empty()) {
            typed.erase("id");
            graph_.actor_for_edit(node).properties.erase("id");
        } else {
            Statistics ignored;
            set_stored(typed, graph_.actor_for_edit(node).properties, graph_.actor_property_types, key, value, ignored);
        }
    } else if (key == "label") {
        if (!value.is_null() && !value.is_string()) {
            throw Error(ErrorClass::TypeError, "InvalidPropertyType", Phase::runtime,
                        "actorgraph keeps 'label' as a string, not a " + type_name(value.type()));
        }
        names.label = value.is_null() ? std::string() : value.as_string();
    } else {
        names.aliases.clear();
        if (value.is_list()) {
            for (const auto& alias : value.as_list()) names.aliases.push_back(property_text(alias));
        } else if (!value.is_null()) {
            names.aliases.push_back(property_text(value));
        }
    }
    std::string old_id = actor.id;
    graph_.rename_actor(node, std::move(names));
    record_name(node, key, old_id);
    if (!value.is_null()) ++stats.properties_set;
    else if (had) ++stats.properties_removed;
}

void GraphAccess::set_relationship_property(RelationIndex relationship, const std::string& key, const Value& value,
                                            Statistics& stats)
{
    require_relationship(relationship);
    log_property_before(false, relationship, key);
    set_stored(overlay_.relationships[relationship], graph_.relation_for_edit(relationship).properties,
               graph_.relation_property_types, key, value, stats);
    record_property(EditTarget{{}, relationship}, key, graph_.relation(relationship).properties);
}

void GraphAccess::add_label(ActorIndex node, const std::string& label, Statistics& stats)
{
    if (has_label(node, label)) return;
    auto current = labels(node);
    current.push_back(label);
    log_labels_before(node);
    write_labels(node, current);
    record_labels(node);
    ++stats.labels_added;
}

void GraphAccess::remove_label(ActorIndex node, const std::string& label, Statistics& stats)
{
    if (!has_label(node, label)) return;
    auto current = labels(node);
    std::erase(current, label);
    log_labels_before(node);
    write_labels(node, current);
    record_labels(node);
    ++stats.labels_removed;
}

}  // namespace actorgraph::cypher
