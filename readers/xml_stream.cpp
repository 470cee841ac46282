#include "readers/xml_stream.hpp"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <memory>

#include "readers/read_error.hpp"

namespace phuluc {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

struct ParseContext {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::uint32_t max_depth = 0;
  std::uint32_t depth = 0;
  std::string refusal;          // why we stopped the parse ourselves (DOCTYPE, depth)
  unsigned long refusal_line = 0;
  std::exception_ptr handler_error;  // an exception from the handler, rethrown after expat returns
  bool stopped() const { return !refusal.empty() || handler_error; }
};

void refuse(ParseContext& ctx, std::string why) {
  if (ctx.stopped()) return;
  ctx.refusal = std::move(why);
  ctx.refusal_line = static_cast<unsigned long>(XML_GetCurrentLineNumber(ctx.parser));
  XML_StopParser(ctx.parser, XML_FALSE);
}

// Exceptions must not unwind through expat's C frames: catch, remember, stop, rethrow later.
template <class Fn>
void guarded(ParseContext& ctx, Fn&& fn) {
  if (ctx.stopped()) return;
  try {
    fn();
  } catch (...) {
    ctx.handler_error = std::current_exception();
    XML_StopParser(ctx.parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& ctx = *static_cast<ParseContext*>(data);
  if (ctx.stopped()) return;
  if (++ctx.depth > ctx.max_depth) {
    refuse(ctx, "elements nested deeper than " + std::to_string(ctx.max_depth));
    return;
  }
  guarded(ctx, [&] {
    const XmlAttributes attributes(attrs);
    ctx.handler->start_element(XmlAttributes::local_name(name), attributes, ctx.depth);
  });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& ctx = *static_cast<ParseContext*>(data);
  if (ctx.stopped()) return;
  guarded(ctx, [&] { ctx.handler->end_element(XmlAttributes::local_name(name), ctx.depth); });
  --ctx.depth;
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto& ctx = *static_cast<ParseContext*>(data);
  guarded(ctx, [&] { ctx.handler->characters(std::string_view(text, static_cast<std::size_t>(length))); });
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  refuse(*static_cast<ParseContext*>(data), "DOCTYPE declarations are not allowed (possible XML bomb)");
}

void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
  refuse(*static_cast<ParseContext*>(data), "entity declarations are not allowed (possible XML bomb)");
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

[[noreturn]] void throw_malformed(const std::string& part_name, unsigned long line, const std::string& why) {
  throw ReadError(ReadErrorCode::malformed_xml, part_name + " line " + std::to_string(line) + ": " + why);
}

// Runs one XML_ParseBuffer step and turns a failure into the right exception.
void parse_step(ParseContext& ctx, std::size_t length, bool final, const std::string& part_name) {
  const auto status = XML_ParseBuffer(ctx.parser, static_cast<int>(length), final ? XML_TRUE : XML_FALSE);
  if (ctx.handler_error) std::rethrow_exception(ctx.handler_error);
  if (!ctx.refusal.empty()) throw_malformed(part_name, ctx.refusal_line, ctx.refusal);
  if (status == XML_STATUS_ERROR) {
    const auto line = static_cast<unsigned long>(XML_GetCurrentLineNumber(ctx.parser));
    throw_malformed(part_name, line, XML_ErrorString(XML_GetErrorCode(ctx.parser)));
  }
}

}  // namespace

std::string_view XmlAttributes::local_name(std::string_view qualified) {
  const auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::optional<std::string_view> XmlAttributes::get(std::string_view wanted) const {
  for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2)
    if (local_name(p[0]) == wanted) return std::string_view(p[1]);
  return std::nullopt;
}

void parse_xml(const XmlByteSource& source, XmlHandler& handler, const std::string& part_name,
               std::uint32_t max_depth) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) throw ReadError(ReadErrorCode::too_large, "cannot create an XML parser for " + part_name);
  ParseContext ctx;
  ctx.parser = parser.get();
  ctx.handler = &handler;
  ctx.max_depth = max_depth;
  XML_SetUserData(ctx.parser, &ctx);
  XML_SetElementHandler(ctx.parser, on_start, on_end);
  XML_SetCharacterDataHandler(ctx.parser, on_text);
  XML_SetStartDoctypeDeclHandler(ctx.parser, on_doctype);
  XML_SetEntityDeclHandler(ctx.parser, on_entity);
  XML_SetParamEntityParsing(ctx.parser, XML_PARAM_ENTITY_PARSING_NEVER);
  for (;;) {
    void* buffer = XML_GetBuffer(ctx.parser, static_cast<int>(kChunkBytes));
    if (buffer == nullptr) throw ReadError(ReadErrorCode::too_large, "out of memory parsing " + part_name);
    const std::size_t got = source(static_cast<char*>(buffer), kChunkBytes);
    parse_step(ctx, got, got == 0, part_name);
    if (got == 0) break;
  }
}

void parse_xml(std::string_view document, XmlHandler& handler, const std::string& part_name,
               std::uint32_t max_depth) {
  std::size_t offset = 0;
  parse_xml(
      [&](char* buffer, std::size_t size) {
        const std::size_t n = std::min(size, document.size() - offset);
        std::copy_n(document.data() + offset, n, buffer);
        offset += n;
        return n;
      },
      handler, part_name, max_depth);
}

}  // namespace phuluc
