// A change as one JSON object: the journal's record body, and what a shared store would take.
#include <limits>
#include <nlohmann/json.hpp>

#include "actorgraph/edit/change.hpp"

namespace actorgraph {

namespace {

using nlohmann::json;

json properties_json(const PropertyList& properties)
{
    json object = json::object();
    for (const auto& [key, value] : properties) object[key] = value;
    return object;
}

PropertyList properties_from(const json& object)
{
    PropertyList list;
    for (const auto& [key, value] : object.items()) list.emplace_back(key, value.get<std::string>());
    return list;
}

struct ToJson {
    json operator()(const AddActor& change) const
    {
        return {{"op", "add-actor"}, {"id", change.id}, {"kind", change.kind}, {"label", change.label},
                {"aliases", change.aliases}, {"properties", properties_json(change.properties)}};
    }
    json operator()(const AddRelation& change) const
    {
        return {{"op", "add-relation"}, {"from", change.from}, {"to", change.to}, {"type", change.type},
                {"undirected", change.undirected}, {"properties", properties_json(change.properties)}};
    }
    json operator()(const SetProperty& change) const
    {
        json out{{"op", "set"}, {"key", change.key}};
        if (change.target.relation) out["relation"] = *change.target.relation;
        else out["actor"] = change.target.actor;
        out["value"] = change.value ? json(*change.value) : json(nullptr);
        return out;
    }
    json operator()(const DeleteRelation& change) const { return {{"op", "delete-relation"}, {"relation", change.relation}}; }
    json operator()(const DeleteActor& change) const { return {{"op", "delete-actor"}, {"actor", change.actor}}; }
    json operator()(const MergeActors& change) const { return {{"op", "merge"}, {"keep", change.keep}, {"other", change.other}}; }
    json operator()(const PinActor& change) const { return {{"op", "pin"}, {"actor", change.actor}, {"x", change.x}, {"y", change.y}}; }
};

// A relation number; anything else (a negative, a fraction, a huge number) is an error, not a cast.
RelationIndex relation_index(const json& value)
{
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > std::numeric_limits<RelationIndex>::max()) {
        throw Error("a relation number must be a whole number from 0, got " + value.dump());
    }
    return static_cast<RelationIndex>(value.get<std::uint64_t>());
}

Change from_object(const json& in)
{
    auto op = in.at("op").get<std::string>();
    if (op == "add-actor") {
        return AddActor{in.at("id").get<std::string>(), in.at("kind").get<std::string>(), in.at("label").get<std::string>(),
                        in.at("aliases").get<std::vector<std::string>>(), properties_from(in.at("properties"))};
    }
    if (op == "add-relation") {
        return AddRelation{in.at("from").get<std::string>(), in.at("to").get<std::string>(), in.at("type").get<std::string>(),
                           in.at("undirected").get<bool>(), properties_from(in.at("properties"))};
    }
    if (op == "set") {
        SetProperty change;
        if (in.contains("relation")) change.target.relation = relation_index(in.at("relation"));
        else change.target.actor = in.at("actor").get<std::string>();
        change.key = in.at("key").get<std::string>();
        if (!in.at("value").is_null()) change.value = in.at("value").get<std::string>();
        return change;
    }
    if (op == "delete-relation") return DeleteRelation{relation_index(in.at("relation"))};
    if (op == "delete-actor") return DeleteActor{in.at("actor").get<std::string>()};
    if (op == "merge") return MergeActors{in.at("keep").get<std::string>(), in.at("other").get<std::string>()};
    if (op == "pin") return PinActor{in.at("actor").get<std::string>(), in.at("x").get<double>(), in.at("y").get<double>()};
    throw Error("unknown change '" + op + "'");
}

}  // namespace

std::string change_to_json(const Change& change)
{
    try {
        return std::visit(ToJson{}, change).dump();
    } catch (const json::exception& error) {
        throw Error(std::string("the change cannot be journalled (JSON needs UTF-8 text): ") + error.what());
    }
}

Change change_from_json(std::string_view text)
{
    try {
        return from_object(json::parse(text));
    } catch (const json::exception& error) {
        throw Error(std::string("not a change: ") + error.what());
    }
}

}  // namespace actorgraph
