#include "gui/input_script.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/error.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

struct Line {
    std::string name;
    int number = 0;
};

[[noreturn]] void fail(const Line& where, const std::string& message)
{
    throw Error(SourceLocation{where.name, where.number}, message);
}

float coordinate(const Line& where, const std::string& text)
{
    float value = 0;
    auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc{} || end != text.data() + text.size()) fail(where, "expected a number, got '" + text + "'");
    return value;
}

int key_code(const Line& where, const std::string& name)
{
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return GLFW_KEY_A + (name[0] - 'a');
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    static const std::pair<const char*, int> named[] = {
        {"enter", GLFW_KEY_ENTER}, {"escape", GLFW_KEY_ESCAPE}, {"tab", GLFW_KEY_TAB},
        {"backspace", GLFW_KEY_BACKSPACE}, {"delete", GLFW_KEY_DELETE}, {"ctrl", GLFW_KEY_LEFT_CONTROL},
        {"shift", GLFW_KEY_LEFT_SHIFT}, {"alt", GLFW_KEY_LEFT_ALT}, {"up", GLFW_KEY_UP}, {"down", GLFW_KEY_DOWN},
        {"home", GLFW_KEY_HOME}, {"end", GLFW_KEY_END}};
    for (const auto& [word, code] : named) {
        if (name == word) return code;
    }
    fail(where, "unknown key '" + name + "'");
}

std::vector<int> chord(const Line& where, const std::string& text)
{
    std::vector<int> keys;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto plus = text.find('+', start);
        auto part = text.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        keys.push_back(key_code(where, part));
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    return keys;
}

// `click-widget "Add actor" button` or `click-widget Edit menu`: the label (quoted or one word), then the kind.
std::pair<std::string, std::string> widget_words(const Line& where, const std::string& raw)
{
    auto rest = raw.substr(raw.find("click-widget") + std::string("click-widget").size());
    auto start = rest.find_first_not_of(" \t");
    if (start == std::string::npos) fail(where, "'click-widget' takes a label, then optionally its kind");
    std::string label;
    std::size_t after = 0;
    if (rest[start] == '"') {
        auto end = rest.find('"', start + 1);
        if (end == std::string::npos) fail(where, "unterminated quote");
        label = rest.substr(start + 1, end - start - 1);
        after = end + 1;
    } else {
        after = std::min(rest.find_first_of(" \t\r", start), rest.size());
        label = rest.substr(start, after - start);
    }
    std::istringstream tail(rest.substr(after));
    std::string kind, extra;
    tail >> kind >> extra;
    static const std::vector<std::string> kinds{"header", "menu", "item", "node", "field", "button", "checkbox"};
    if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        fail(where, "unknown widget kind '" + kind + "' (header, menu, item, node, field, button, checkbox)");
    }
    if (!extra.empty()) fail(where, "'click-widget' takes a label and a kind, got more");
    return {label, kind};
}

std::vector<std::string> words_of(const std::string& line)
{
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace

InputScript InputScript::load(const std::filesystem::path& file)
{
    return parse(read_file(file), file.string());
}

InputScript InputScript::parse(const std::string& text, const std::string& name)
{
    InputScript script;
    DeviceState state;  // what the devices hold after the steps so far
    auto frame = [&](DeviceState next) {
        script.frames_.push_back(next);
        state = std::move(next);
        state.typed.clear();
        state.wait_idle = false;
    };
    std::istringstream lines(text);
    std::string raw;
    Line where{name, 0};
    while (std::getline(lines, raw)) {
        ++where.number;
        auto words = words_of(raw);
        if (words.empty() || words[0].starts_with("#")) continue;
        const auto& verb = words[0];
        auto need = [&](std::size_t low, std::size_t high) {
            if (words.size() - 1 < low || words.size() - 1 > high) fail(where, "'" + verb + "' takes " + std::to_string(low) + (high > low ? " to " + std::to_string(high) : "") + " arguments");
        };
        auto with_mods = [&](std::size_t index) { return words.size() > index ? chord(where, words[index]) : std::vector<int>{}; };
        if (verb == "move") {
            need(2, 2);
            auto next = state;
            next.target = -1;
            next.x = coordinate(where, words[1]);
            next.y = coordinate(where, words[2]);
            frame(next);
        } else if (verb == "click" || verb == "double-click") {
            need(2, 3);
            auto next = state;
            next.target = -1;
            next.x = coordinate(where, words[1]);
            next.y = coordinate(where, words[2]);
            next.keys = with_mods(3);
            frame(next);
            for (int times = verb == "click" ? 1 : 2; times > 0; --times) {
                next.button = true;
                frame(next);
                next.button = false;
                frame(next);
            }
            next.keys.clear();
            frame(next);
        } else if (verb == "click-widget") {
            auto [label, kind] = widget_words(where, raw);
            script.targets_.push_back({label, kind, where.name + ":" + std::to_string(where.number)});
            auto next = state;
            next.target = static_cast<int>(script.targets_.size() - 1);
            next.keys.clear();
            next.find_target = true;
            frame(next);
            next.find_target = false;
            next.button = true;
            frame(next);
            next.button = false;
            frame(next);
            frame(next);  // the pointer stays on the widget (target kept) until a step moves it
        } else if (verb == "drag") {
            need(4, 5);
            float x1 = coordinate(where, words[1]), y1 = coordinate(where, words[2]);
            float x2 = coordinate(where, words[3]), y2 = coordinate(where, words[4]);
            auto next = state;
            next.target = -1;
            next.x = x1;
            next.y = y1;
            next.keys = with_mods(5);
            frame(next);
            next.button = true;
            frame(next);
            constexpr int steps = 12;
            for (int i = 1; i <= steps; ++i) {
                next.x = x1 + (x2 - x1) * static_cast<float>(i) / steps;
                next.y = y1 + (y2 - y1) * static_cast<float>(i) / steps;
                frame(next);
            }
            next.button = false;
            frame(next);
            next.keys.clear();
            frame(next);
        } else if (verb == "key") {
            need(1, 1);
            auto next = state;
            next.keys = chord(where, words[1]);
            frame(next);
            next.keys.clear();
            frame(next);
        } else if (verb == "type") {
            auto start = raw.find("type") + 4;
            if (start < raw.size() && raw[start] == ' ') ++start;
            auto next = state;
            next.typed = raw.substr(std::min(start, raw.size()));
            frame(next);
        } else if (verb == "frames") {
            need(1, 1);
            auto count = static_cast<int>(coordinate(where, words[1]));
            for (int i = 0; i < count; ++i) frame(state);
        } else if (verb == "idle") {
            need(0, 0);
            auto next = state;
            next.wait_idle = true;
            frame(next);
        } else {
            fail(where, "unknown input step '" + verb + "' (move, click, click-widget, double-click, drag, key, type, frames, idle)");
        }
    }
    return script;
}

bool InputScript::find_target(const WidgetTarget& target)
{
    constexpr auto patience = std::chrono::seconds(10);
    auto found = find_widgets(target.label, target.kind);
    auto name = "'" + target.label + "'" + (target.kind.empty() ? "" : " (" + target.kind + ")");
    if (found.size() > 1) {
        std::string kinds;
        for (const auto& place : found) kinds += (kinds.empty() ? "" : ", ") + place.kind;
        failure_ = target.where + ": " + std::to_string(found.size()) + " widgets are labelled " + name + " (" + kinds + "): add the kind";
        return false;
    }
    if (found.empty()) {
        want_widget(target.label, target.kind);
        auto now = std::chrono::steady_clock::now();
        if (!looking_since_) looking_since_ = now;
        if (now - *looking_since_ < patience) return false;
        std::string shown;
        for (const auto& label : widget_labels()) shown += (shown.empty() ? "" : ", ") + label;
        failure_ = target.where + ": no widget labelled " + name + " was shown within 10 s (shown: " + shown + ")";
        return false;
    }
    want_widget("", "");
    looking_since_.reset();
    target_x_ = (found[0].left + found[0].right) / 2;
    target_y_ = (found[0].top + found[0].bottom) / 2;
    return true;
}

void InputScript::apply(const Explorer& explorer)
{
    // A click-widget step holds its first frame until its widget is shown; a failure stops the input.
    bool waiting = !failure_.empty();
    if (!frames_.empty() && !waiting && frames_.front().find_target) {
        waiting = !find_target(targets_[static_cast<std::size_t>(frames_.front().target)]);
    }
    if (!frames_.empty() && !waiting) {
        playing_ = true;
        held_ = frames_.front();
        if (held_.target >= 0) {
            held_.x = target_x_;
            held_.y = target_y_;
        }
        // An `idle` frame repeats until the background work is done.
        if (!(held_.wait_idle && explorer.busy())) frames_.pop_front();
    }
    if (!playing_) return;  // nothing played yet: the real devices stay in charge
    auto& io = ImGui::GetIO();
    // A played step takes frames, not seconds: on a loaded machine the two clicks of a double-click
    // would otherwise be further apart than ImGui's double-click time.
    if (!frames_.empty()) io.DeltaTime = std::min(io.DeltaTime, 1.0f / 60.0f);
    if (held_.x >= 0) io.MousePos = {held_.x, held_.y};
    io.MouseDown[0] = held_.button;
    for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); ++key) io.KeysDown[key] = false;
    for (int key : held_.keys) {
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = true;
    }
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT];
    if (!held_.typed.empty()) io.AddInputCharactersUTF8(held_.typed.c_str());
    held_.typed.clear();
}

}  // namespace actorgraph::gui
