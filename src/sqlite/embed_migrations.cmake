# Writes OUT: a C++ table of the migration files in FILES (in order), as raw string literals: the
# function FUNCTION (namespace-qualified, declared in HEADER) returning std::vector<sqlite::Migration>.
set(body "// Generated from the migrations/*.sql files by embed_migrations.cmake. Do not edit.\n#include \"${HEADER}\"\n\nconst std::vector<gl::sqlite::Migration>& ${FUNCTION}() {\n  static const std::vector<gl::sqlite::Migration> list = {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME_WE)
  string(SUBSTRING ${name} 0 4 number)
  math(EXPR version "${number}")
  file(READ ${f} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"gl_sql(${sql})gl_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return list;\n}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
