// The expat stream under every part of an .xlsx (xlsx_parts.h "XmlStream"): a zip entry parsed in
// chunks, with a DTD or entity declaration refused and a token that never ends taken for an attack.
#include <expat.h>

#include <new>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "exchange/xlsx_parts.h"

namespace gl::exchange::xlsx {

namespace {

constexpr int kChunk = 64 * 1024;
// No callback for this many bytes means one token (a tag, an attribute, a comment) that expat must hold
// whole in memory; Excel never writes one anywhere near this long (cell text arrives in pieces).
constexpr std::uint64_t kMaxToken = 16ull << 20;

std::string_view localName(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

}  // namespace

const char* attribute(const char** attrs, std::string_view name) {
  for (; attrs[0] != nullptr; attrs += 2)
    if (localName(attrs[0]) == name) return attrs[1];
  return nullptr;
}

XmlStream::XmlStream(ZipEntry entry, XmlHandler& handler, std::filesystem::path file)
    : entry_(std::move(entry)),
      handler_(handler),
      file_(std::move(file)),
      parser_(XML_ParserCreate(nullptr)) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_.get(), this);
  XML_SetElementHandler(parser_.get(), onStart, onEnd);
  XML_SetCharacterDataHandler(parser_.get(), onText);
  // Excel never writes a DTD; one in a workbook is an entity-expansion or external-entity attack.
  XML_SetStartDoctypeDeclHandler(parser_.get(), onDoctype);
  XML_SetEntityDeclHandler(parser_.get(), onEntity);
  XML_SetParamEntityParsing(parser_.get(), XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() = default;

bool XmlStream::parse() {
  if (pending_) std::rethrow_exception(pending_);
  try {
    return advance();
  } catch (...) {
    // A stream that failed cannot go on (the parser is stopped, the entry half read): later calls repeat
    // the error rather than read on.
    pending_ = std::current_exception();
    throw;
  }
}

bool XmlStream::advance() {
  for (;;) {
    XML_Status status;
    if (suspended_) {
      status = XML_ResumeParser(parser_.get());
    } else {
      if (done_) return false;
      void* buffer = XML_GetBuffer(parser_.get(), kChunk);
      if (buffer == nullptr) throw std::bad_alloc();
      std::size_t n = entry_.read(static_cast<char*>(buffer), kChunk);
      sinceCallback_ += n;
      if (sinceCallback_ > kMaxToken)
        throwDamaged(file_,
                     fmt::format("{}: an XML element longer than {} MB", entry_.name(), kMaxToken >> 20));
      final_ = n == 0;
      status = XML_ParseBuffer(parser_.get(), static_cast<int>(n), final_);
    }
    if (pending_) std::rethrow_exception(pending_);
    if (status == XML_STATUS_ERROR)
      throwDamaged(file_, fmt::format("{}, line {}: {}", entry_.name(), XML_GetCurrentLineNumber(parser_.get()),
                                      XML_ErrorString(XML_GetErrorCode(parser_.get()))));
    if (status == XML_STATUS_SUSPENDED) {
      suspended_ = true;
      return true;
    }
    suspended_ = false;
    if (final_) {
      done_ = true;
      return false;
    }
  }
}

void XmlStream::pause() {
  XML_StopParser(parser_.get(), XML_TRUE);
}

void XmlStream::fail(std::exception_ptr error) {
  if (!pending_) pending_ = std::move(error);
  XML_StopParser(parser_.get(), XML_FALSE);
}

void XmlStream::refuseDeclarations() {
  throw Error(
      Error::Kind::BadInput,
      // TRANSLATORS: {part} is a file inside the workbook such as xl/worksheets/sheet1.xml
      // xgettext:python-brace-format
      N_("“{file}” cannot be read safely: its part {part} declares XML entities (<!DOCTYPE or <!ENTITY), "
         "which Excel and WPS never write. Ask the sender for the original spreadsheet."),
      {{"file", file_.string()}, {"part", entry_.name()}});
}

// Expat is C: nothing may be thrown through it, so each callback parks the exception and stops the parse.
void XmlStream::onStart(void* self, const char* name, const char** attrs) {
  auto* s = static_cast<XmlStream*>(self);
  s->sinceCallback_ = 0;
  if (s->pending_) return;
  try {
    s->handler_.start(localName(name), attrs);
  } catch (...) {
    s->fail(std::current_exception());
  }
}

void XmlStream::onEnd(void* self, const char* name) {
  auto* s = static_cast<XmlStream*>(self);
  s->sinceCallback_ = 0;
  if (s->pending_) return;
  try {
    s->handler_.end(localName(name));
  } catch (...) {
    s->fail(std::current_exception());
  }
}

void XmlStream::onText(void* self, const char* data, int size) {
  auto* s = static_cast<XmlStream*>(self);
  s->sinceCallback_ = 0;
  if (s->pending_) return;
  try {
    s->handler_.text(std::string_view(data, static_cast<std::size_t>(size)));
  } catch (...) {
    s->fail(std::current_exception());
  }
}

void XmlStream::onDoctype(void* self, const char*, const char*, const char*, int) {
  auto* s = static_cast<XmlStream*>(self);
  try {
    s->refuseDeclarations();
  } catch (...) {
    s->fail(std::current_exception());
  }
}

void XmlStream::onEntity(void* self, const char*, int, const char*, int, const char*, const char*,
                         const char*, const char*) {
  onDoctype(self, nullptr, nullptr, nullptr, 0);
}

}  // namespace gl::exchange::xlsx
