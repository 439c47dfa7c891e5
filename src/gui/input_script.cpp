#include "gui/input_script.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/error.hpp"

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
            next.x = coordinate(where, words[1]);
            next.y = coordinate(where, words[2]);
            frame(next);
        } else if (verb == "click" || verb == "double-click") {
            need(2, 3);
            auto next = state;
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
        } else if (verb == "drag") {
            need(4, 5);
            float x1 = coordinate(where, words[1]), y1 = coordinate(where, words[2]);
            float x2 = coordinate(where, words[3]), y2 = coordinate(where, words[4]);
            auto next = state;
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
            fail(where, "unknown input step '" + verb + "' (move, click, double-click, drag, key, type, frames, idle)");
        }
    }
    return script;
}

void InputScript::apply(const Explorer& explorer)
{
    if (!frames_.empty()) {
        playing_ = true;
        held_ = frames_.front();
        // An `idle` frame repeats until the background work is done.
        if (!(held_.wait_idle && explorer.busy())) frames_.pop_front();
    }
    if (!playing_) return;  // nothing played yet: the real devices stay in charge
    auto& io = ImGui::GetIO();
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
