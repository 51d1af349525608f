/// Backport "vfio-pci/zdev: Add a device feature for error information":
/// zpci_get_pending_error() dequeues the oldest stored CCDF, vfio-pci
/// dispatches VFIO_DEVICE_FEATURE_ZPCI_ERROR (13) to the zdev feature
/// handler, and the ZPCI_BASE capability becomes version 3 with
/// ccdf_err_length. The uAPI struct and number are those of upstream.
///
/// New definitions are not written here: each "ZPCI-UPSTREAM kind name" line
/// is replaced by that definition, verbatim, from the upstream tree.
//
// Confidence: High
// Options: --no-includes
// Upstream: fa63a2e3f947 (see semantic-patches/commits)
// Kind: series
// Needed when: always
// Evidence: prototype zpci_get_pending_error arch/s390/include/asm/pci.h
// Evidence: function zpci_get_pending_error arch/s390/pci/pci_event.c
// Evidence: function vfio_pci_zdev_feature_err drivers/vfio/pci/vfio_pci_zdev.c
// Evidence: struct vfio_device_feature_zpci_err include/uapi/linux/vfio.h
// Evidence: macro VFIO_DEVICE_FEATURE_ZPCI_ERROR include/uapi/linux/vfio.h
// Evidence: member vfio_device_info_cap_zpci_base.ccdf_err_length include/uapi/linux/vfio_zdev.h
// Evidence: function zpci_base_cap drivers/vfio/pci/vfio_pci_zdev.c: .header.version = 3
// Evidence: function zpci_base_cap drivers/vfio/pci/vfio_pci_zdev.c: .ccdf_err_length = sizeof(struct zpci_ccdf_err)
// Evidence: function vfio_pci_core_ioctl_feature drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c: case VFIO_DEVICE_FEATURE_ZPCI_ERROR:
// Compare: prototype zpci_get_pending_error arch/s390/include/asm/pci.h
// Compare: function zpci_get_pending_error arch/s390/pci/pci_event.c
// Compare: function vfio_pci_zdev_feature_err drivers/vfio/pci/vfio_pci_zdev.c
// Compare: function zpci_base_cap drivers/vfio/pci/vfio_pci_zdev.c
// Compare: prototype vfio_pci_zdev_feature_err drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: function vfio_pci_zdev_feature_err drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: function vfio_pci_core_ioctl_feature drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c
// Compare: struct vfio_device_feature_zpci_err include/uapi/linux/vfio.h
// Compare: macro VFIO_DEVICE_FEATURE_ZPCI_ERROR include/uapi/linux/vfio.h
// Compare: struct vfio_device_info_cap_zpci_base include/uapi/linux/vfio_zdev.h
// Files: arch/s390/include/asm/pci.h arch/s390/pci/pci_event.c drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h drivers/vfio/pci/vfio_pci_zdev.c include/uapi/linux/vfio.h include/uapi/linux/vfio_zdev.h
//
// A vfio-pci without the device_feature operation (probe
// HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE false) decodes VFIO_DEVICE_FEATURE
// inline: lower-vfio-pci-device.cocci dispatches there instead.

virtual patch
virtual HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE

@initialize:python@
@@
import re

def last_feature_define(p):
    """True at the last '#define VFIO_DEVICE_FEATURE_<name> <number>' of the file."""
    with open(p[0].file) as f:
        lines = [i + 1 for i, l in enumerate(f)
                 if re.match(r'#define\s+VFIO_DEVICE_FEATURE_\w+\s+\(?\d+\)?\s*$', l)]
    return bool(lines) and int(p[0].line) == lines[-1]

def in_c_file(p):
    """True in a .c file: headers hold the !CONFIG stubs of the same names."""
    return p[0].file.endswith(".c")

// Expect: add_proto 1 arch/s390/include/asm/pci.h
@add_proto depends on patch@
position p;
@@
- void zpci_stop_mediated_recovery@p(struct zpci_dev *zdev);
+ void zpci_stop_mediated_recovery(struct zpci_dev *zdev);
+/* ZPCI-UPSTREAM prototype zpci_get_pending_error */

// Expect: add_get 1 arch/s390/pci/pci_event.c
@add_get depends on patch@
identifier fn = zpci_store_pci_error;
type T;
position p;
@@
 T fn@p(...) {...}
+
+/* ZPCI-UPSTREAM function zpci_get_pending_error */

// Expect: dispatch 1 drivers/vfio/pci/vfio_pci_core.c if HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE
@dispatch depends on patch && HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE@
identifier fn = vfio_pci_core_ioctl_feature;
expression E, E2;
position p;
@@
 fn(...) {
 <...
 switch (E) {
 case E2:
 ...
-default:
-	return -ENOTTY@p;
+/* ZPCI-UPSTREAM case-to-default VFIO_DEVICE_FEATURE_ZPCI_ERROR@vfio_pci_core_ioctl_feature */
 }
 ...>
 }

// After the close hook's prototype, whichever device type it takes.
// Expect: priv_proto|priv_proto_old 1 drivers/vfio/pci/vfio_pci_priv.h
@priv_proto depends on patch@
position p;
@@
- void vfio_pci_zdev_close_device@p(struct vfio_pci_core_device *vdev);
+ void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev);
+/* ZPCI-UPSTREAM prototype vfio_pci_zdev_feature_err */

@priv_proto_old depends on patch && !priv_proto@
position p;
@@
- void vfio_pci_zdev_close_device@p(struct vfio_pci_device *vdev);
+ void vfio_pci_zdev_close_device(struct vfio_pci_device *vdev);
+/* ZPCI-UPSTREAM prototype vfio_pci_zdev_feature_err */

// Expect: priv_stub 1 drivers/vfio/pci/vfio_pci_priv.h
@priv_stub depends on patch@
identifier fn = vfio_pci_zdev_close_device;
type T;
position p;
@@
 T fn@p(...) {}
+
+/* ZPCI-UPSTREAM function vfio_pci_zdev_feature_err */

// Expect: cap_v3 1 drivers/vfio/pci/vfio_pci_zdev.c
@cap_v3 depends on patch@
identifier cap;
expression Z;
position p;
@@
 struct vfio_device_info_cap_zpci_base cap = {
  ...,
- .header.version@p = 2,
+ .header.version = 3,
  ...,
  .fh = Z->fh,
+ .ccdf_err_length = sizeof(struct zpci_ccdf_err)
 };

// Expect: add_handler 1 drivers/vfio/pci/vfio_pci_zdev.c
@add_handler depends on patch@
identifier fn = vfio_pci_info_zdev_add_caps;
type T;
position p : script:python() { in_c_file(p) };
@@
 T fn@p(...) {...}
+
+/* ZPCI-UPSTREAM function vfio_pci_zdev_feature_err */

// Expect: uapi_feature 1 include/uapi/linux/vfio.h
@uapi_feature depends on patch@
identifier m =~ "^VFIO_DEVICE_FEATURE_";
expression E;
position p : script:python() { last_feature_define(p) };
@@
 #define m@p E
+/* ZPCI-UPSTREAM struct vfio_device_feature_zpci_err..macro VFIO_DEVICE_FEATURE_ZPCI_ERROR */

// Expect: cap_field 1 include/uapi/linux/vfio_zdev.h
@cap_field depends on patch@
position p;
@@
 struct vfio_device_info_cap_zpci_base@p {
 ...
+/* ZPCI-UPSTREAM member vfio_device_info_cap_zpci_base.ccdf_err_length */
 };
