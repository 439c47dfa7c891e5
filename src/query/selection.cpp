#include "actorgraph/query/selection.hpp"

#include <algorithm>
#include <numeric>

namespace actorgraph {

Selection Selection::everything(const Graph& graph)
{
    Selection all;
    all.actors.resize(graph.actor_count());
    std::iota(all.actors.begin(), all.actors.end(), ActorIndex{0});
    all.relations.resize(graph.relation_count());
    std::iota(all.relations.begin(), all.relations.end(), RelationIndex{0});
    return all;
}

bool Selection::contains_actor(ActorIndex actor) const
{
    return std::binary_search(actors.begin(), actors.end(), actor);
}

bool Selection::contains_relation(RelationIndex relation) const
{
    return std::binary_search(relations.begin(), relations.end(), relation);
}

void Selection::normalize()
{
    std::sort(actors.begin(), actors.end());
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
}

void Selection::merge(const Selection& other)
{
    actors.insert(actors.end(), other.actors.begin(), other.actors.end());
    relations.insert(relations.end(), other.relations.begin(), other.relations.end());
    normalize();
}

}  // namespace actorgraph
