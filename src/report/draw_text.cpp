#include "report/draw_text.h"

namespace gl::report {

Font font(double points, bool bold) {
  Font f(pango_font_description_from_string("WenQuanYi Micro Hei, Noto Sans CJK SC, sans"));
  pango_font_description_set_absolute_size(f.get(), points * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
  return f;
}

Painter::Painter(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {
  // PDF user units are points: pango must not assume 96 dpi (docs/style.md §9.4).
  pango_cairo_context_set_resolution(pango_layout_get_context(layout_.get()), 72);
  pango_layout_set_ellipsize(layout_.get(), PANGO_ELLIPSIZE_END);
}

void Painter::text(const std::string& s, double x, double y, double w, double h, const Font& f, Align align,
                   double pad, bool outline, int lines) {
  if (s.empty()) return;
  PangoLayout* layout = layout_.get();
  pango_cairo_update_layout(cr_, layout);
  pango_layout_set_font_description(layout, f.get());
  pango_layout_set_width(layout, static_cast<int>((w - 2 * pad) * PANGO_SCALE));
  pango_layout_set_height(layout, -lines);  // negative: at most that many lines, then "…"
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, align == Align::Left    ? PANGO_ALIGN_LEFT
                                      : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                              : PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
  int tw = 0, th = 0;
  pango_layout_get_size(layout, &tw, &th);
  cairo_move_to(cr_, x + pad, y + (h - th / double(PANGO_SCALE)) / 2);
  if (outline) {
    pango_cairo_layout_path(cr_, layout);
    cairo_fill(cr_);
  } else {
    pango_cairo_show_layout(cr_, layout);
  }
}

}  // namespace gl::report
