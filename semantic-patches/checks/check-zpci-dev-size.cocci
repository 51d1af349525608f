/// kABI size check: every place that depends on the size of struct
/// zpci_dev, which grows by the members the series adds. Hiding them from
/// genksyms (make KABI=preserve) keeps the CRCs, and is safe only while
/// each such place is in the s390 PCI core, built in, and none is in a
/// module: an allocation (sizeof(struct zpci_dev), sizeof(*zdev),
/// kzalloc_obj(*zdev)), or a
/// struct zpci_dev held by value (a member of another structure, a
/// variable, an array).
//
// Upstream: 9f240376d034 (the members whose size it weighs)
// Needed when: always (backport/verify/kabi-size.sh runs it on every kernel)
// Confidence: High
// Options: --no-includes
// Kind: check (report mode; kabi-size.sh runs it on every file of the
//   tree that names zpci_dev, from the root of the tree)
//
// Output: one line per place, "file:line:col: size: sizeof ..." or
// "file:line:col: size: by value ...", sorted.

virtual report

@initialize:python@
@@
places = []

def place(p, msg):
    places.append((p[0].file, int(p[0].line), int(p[0].column) + 1, msg))

@sz depends on report@
struct zpci_dev *x;
position p;
@@
(
 sizeof@p(struct zpci_dev)
|
 sizeof@p(*x)
)

// The typed allocators of newer trees, kzalloc_obj(*zdev) and its kin,
// take the size from the object's type.
@obj depends on report@
struct zpci_dev *x;
identifier f =~ "alloc_obj";
position p;
@@
 f@p(*x, ...)

@script:python depends on report@
p << obj.p;
f << obj.f;
@@
place(p, "sizeof of struct zpci_dev, through %s()" % f)

@script:python depends on report@
p << sz.p;
@@
place(p, "sizeof of struct zpci_dev")

@embed depends on report@
identifier s, i;
position p;
@@
 struct s { ... struct zpci_dev i@p; ... };

@script:python depends on report@
p << embed.p;
s << embed.s;
i << embed.i;
@@
place(p, "by value, member %s of struct %s" % (i, s))

@byval depends on report@
identifier i;
position p;
@@
(
 struct zpci_dev i@p;
|
 struct zpci_dev i@p[...];
)

@script:python depends on report@
p << byval.p;
i << byval.i;
@@
place(p, "by value, variable %s" % i)

@finalize:python@
@@
for f, l, c, msg in sorted(set(places)):
    print("%s:%d:%d: size: %s" % (f, l, c, msg))
