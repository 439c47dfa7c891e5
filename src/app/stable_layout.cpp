#include "actorgraph/app/stable_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <unordered_map>

#include "actorgraph/model/schema.hpp"

namespace actorgraph {

namespace {

// Above this many new actors a full layout is quicker to read than a crowd put beside the old map.
constexpr std::size_t max_new_actors = 200;
// The room left between a new actor and its neighbours' boxes, and the step between rings of tries.
constexpr float gap = 14;
constexpr float ring_step = 30;
constexpr int max_rings = 150;
// A grid over the boxes keeps each try O(1) however many actors the map holds.
constexpr float cell_size = 160;

// The size Graphviz gives a node of the scene (styled_dot: 0.75 x 0.5 in, grown by the metric scale),
// widened for its name at ~0.55 em per character.
Point estimated_half_size(const Graph& graph, const Scene& scene, ActorIndex actor)
{
    double scale = actor < scene.actor_scale.size() ? 1.0 + 1.5 * std::clamp(scene.actor_scale[actor], 0.0, 1.0) : 1.0;
    double font = 14 * (1.0 + 0.4 * (scale - 1.0));
    const auto name = graph.actor(actor).display_name();
    auto characters = std::count_if(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    double width = std::max(54 * scale, 0.55 * font * static_cast<double>(characters) + 16);
    return {static_cast<float>(width / 2), static_cast<float>(18 * scale)};
}

std::optional<Point> pin_of(const Actor& actor)
{
    if (property_or_empty(actor.properties, "pinned") != "true") return std::nullopt;
    auto x = parse_number(property_or_empty(actor.properties, "x"));
    auto y = parse_number(property_or_empty(actor.properties, "y"));
    if (!x || !y || !std::isfinite(*x) || !std::isfinite(*y)) return std::nullopt;
    return Point{static_cast<float>(*x), static_cast<float>(*y)};
}

class OccupiedSpace {
public:
    void add(Point centre, Point half)
    {
        auto index = boxes_.size();
        boxes_.push_back({centre, half});
        for_cells(centre, half, [&](long long key) { cells_[key].push_back(index); });
        extent_min_ = {std::min(extent_min_.x, centre.x - half.x), std::min(extent_min_.y, centre.y - half.y)};
        extent_max_ = {std::max(extent_max_.x, centre.x + half.x), std::max(extent_max_.y, centre.y + half.y)};
    }

    [[nodiscard]] bool is_free(Point centre, Point half) const
    {
        bool free = true;
        Point padded{half.x + gap, half.y + gap};
        for_cells(centre, padded, [&](long long key) {
            auto found = cells_.find(key);
            if (!free || found == cells_.end()) return;
            for (auto index : found->second) {
                const auto& box = boxes_[index];
                if (std::abs(box.centre.x - centre.x) < box.half.x + padded.x && std::abs(box.centre.y - centre.y) < box.half.y + padded.y) {
                    free = false;
                    return;
                }
            }
        });
        return free;
    }

    /// The free spot nearest `wanted` on rings around it (wanted itself when nothing is there).
    [[nodiscard]] Point nearest_free(Point wanted, Point half) const
    {
        if (is_free(wanted, half)) return wanted;
        for (int ring = 1; ring <= max_rings; ++ring) {
            float radius = ring_step * static_cast<float>(ring);
            int tries = 8 * ring;
            for (int i = 0; i < tries; ++i) {
                // Start below-right and go round, so successive new actors fan out rather than stack.
                double angle = -std::numbers::pi / 4 + 2 * std::numbers::pi * i / tries;
                Point at{wanted.x + radius * static_cast<float>(std::cos(angle)), wanted.y + radius * static_cast<float>(std::sin(angle))};
                if (is_free(at, half)) return at;
            }
        }
        return wanted;
    }

    /// Beside the right edge of everything placed, at its middle height.
    [[nodiscard]] Point beside(Point half) const
    {
        if (boxes_.empty()) return {0, 0};
        return {extent_max_.x + 3 * gap + half.x, (extent_min_.y + extent_max_.y) / 2};
    }

private:
    struct Box {
        Point centre;
        Point half;
    };

    template <typename Visit>
    static void for_cells(Point centre, Point half, Visit visit)
    {
        auto cell = [](float v) { return static_cast<long long>(std::floor(v / cell_size)); };
        auto x0 = cell(centre.x - half.x), x1 = cell(centre.x + half.x);
        auto y0 = cell(centre.y - half.y), y1 = cell(centre.y + half.y);
        for (auto x = x0; x <= x1; ++x) {
            for (auto y = y0; y <= y1; ++y) visit(x * 4'000'037LL + y);
        }
    }

    std::vector<Box> boxes_;
    std::unordered_map<long long, std::vector<std::size_t>> cells_;
    Point extent_min_{std::numeric_limits<float>::max(), std::numeric_limits<float>::max()};
    Point extent_max_{std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
};

bool has_neighbour(const Scene& scene, const Graph& graph, ActorIndex actor)
{
    for (auto relation : scene.visible.relations) {
        if (relation >= graph.relation_count()) continue;
        const auto& r = graph.relation(relation);
        if ((r.source == actor) != (r.target == actor)) return true;
    }
    return false;
}

bool usable(Point p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) < 1e7f && std::abs(p.y) < 1e7f; }

}  // namespace

ActorPlaces places_of(const Drawing& drawing, const Graph& graph)
{
    ActorPlaces places;
    for (const auto& element : drawing.elements) {
        if (element.kind != ElementKind::actor || element.index >= graph.actor_count()) continue;
        Point half = element.bounds.width() >= 0 ? Point{element.bounds.width() / 2, element.bounds.height() / 2} : Point{27, 18};
        places[graph.actor(element.index).id] = {{element.centre.x, drawing.layout_top - element.centre.y}, half};
    }
    return places;
}

std::optional<std::vector<PlacedActor>> stable_places(const Graph& graph, const Scene& scene, const ActorPlaces& remembered)
{
    std::vector<PlacedActor> placed;
    std::vector<ActorIndex> pending;
    std::unordered_map<ActorIndex, Point> centres;
    OccupiedSpace space;
    for (auto actor : scene.visible.actors) {
        if (actor >= graph.actor_count()) continue;
        const auto& model = graph.actor(actor);
        auto found = remembered.find(model.id);
        std::optional<ActorPlace> place;
        bool waits_for_neighbours = found != remembered.end() && found->second.alone && has_neighbour(scene, graph, actor);
        if (found != remembered.end() && usable(found->second.centre) && !waits_for_neighbours) place = found->second;
        else if (auto pin = pin_of(model)) place = ActorPlace{*pin, estimated_half_size(graph, scene, actor)};
        if (!place) {
            pending.push_back(actor);
            continue;
        }
        placed.push_back({actor, place->centre, true});
        centres[actor] = place->centre;
        space.add(place->centre, place->half_size);
    }
    if (placed.empty() || pending.size() > max_new_actors) return std::nullopt;

    std::unordered_map<ActorIndex, std::vector<ActorIndex>> neighbours;
    for (auto actor : pending) neighbours[actor];
    for (auto relation : scene.visible.relations) {
        if (relation >= graph.relation_count()) continue;
        const auto& r = graph.relation(relation);
        if (auto it = neighbours.find(r.source); it != neighbours.end()) it->second.push_back(r.target);
        if (auto it = neighbours.find(r.target); it != neighbours.end()) it->second.push_back(r.source);
    }
    auto place = [&](ActorIndex actor, Point wanted, bool alone) {
        auto half = estimated_half_size(graph, scene, actor);
        auto at = space.nearest_free(wanted, half);
        placed.push_back({actor, at, false, alone});
        centres[actor] = at;
        space.add(at, half);
    };
    // New actors linked to placed ones go first (a chain of new actors then grows out from the map);
    // one linked to nothing placed goes beside the picture.
    while (!pending.empty()) {
        bool progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            Point sum{0, 0};
            int count = 0;
            for (auto neighbour : neighbours[*it]) {
                auto found = centres.find(neighbour);
                if (found == centres.end() || neighbour == *it) continue;
                sum.x += found->second.x;
                sum.y += found->second.y;
                ++count;
            }
            if (count == 0) {
                ++it;
                continue;
            }
            place(*it, {sum.x / static_cast<float>(count), sum.y / static_cast<float>(count)}, false);
            it = pending.erase(it);
            progress = true;
        }
        if (progress) continue;
        auto loner = pending.front();
        place(loner, space.beside(estimated_half_size(graph, scene, loner)), true);
        pending.erase(pending.begin());
    }
    return placed;
}

std::string with_fixed_places(std::string dot, const std::vector<PlacedActor>& places)
{
    auto end = dot.rfind('}');
    if (end == std::string::npos) return dot;
    // Later statements set attributes of nodes declared earlier; pos in points is what nop reads. nop
    // would also remove overlaps (moving actors) when the style asks for it: the places are clear already.
    std::string fixed = "  graph [notranslate=true, overlap=true];\n";
    char buffer[96];
    for (const auto& place : places) {
        std::snprintf(buffer, sizeof buffer, "  a%u [pos=\"%.2f,%.2f\"];\n", static_cast<unsigned>(place.actor), place.centre.x, place.centre.y);
        fixed += buffer;
    }
    dot.insert(end, fixed);
    return dot;
}

}  // namespace actorgraph
