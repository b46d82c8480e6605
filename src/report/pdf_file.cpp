#include "report/pdf_file.h"

#include <cairo-pdf.h>

#include <exception>
#include <string_view>

#include "core/error.h"
#include "exchange/atomic_file.h"
#include "report/draw_text.h"

namespace gl::report {

namespace {

struct Sink {
  exchange::AtomicFile* file;
  std::exception_ptr error;
};

cairo_status_t writeToSink(void* closure, const unsigned char* data, unsigned int length) {
  auto* sink = static_cast<Sink*>(closure);
  try {
    sink->file->write(std::string_view(reinterpret_cast<const char*>(data), length));
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    sink->error = std::current_exception();
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

void writePdfPages(const std::filesystem::path& out, double width, double height, int pages,
                   const std::function<void(cairo_t*, int page)>& draw, const std::string& title,
                   const std::string& author) {
  exchange::AtomicFile file(out);
  Sink sink{&file, nullptr};
  Surface pdf(cairo_pdf_surface_create_for_stream(writeToSink, &sink, width, height));
  cairo_surface_t* surface = pdf.get();
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "GridLedger");
  {
    Cairo cr(cairo_create(surface));
    for (int p = 0; p < pages; ++p) {
      draw(cr.get(), p);
      cairo_show_page(cr.get());
    }
  }
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  pdf.reset();
  if (sink.error) std::rethrow_exception(sink.error);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(Error::Kind::Environment, N_("Cannot write the PDF “{file}”: {detail}"),
                {{"file", out.string()}, {"detail", cairo_status_to_string(status)}});
  file.commit();
}

}  // namespace gl::report
