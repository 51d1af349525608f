/*
 * check-zpci-dev-size: each place that depends on the size of struct
 * zpci_dev is reported once; a pointer (member, variable, parameter) is
 * not a size dependency and is not reported.
 */
struct zpci_dev *zpci_create_device(u32 fid, u32 fh)
{
	struct zpci_dev *zdev;

	zdev = kzalloc(sizeof(*zdev), GFP_KERNEL);
	return zdev;
}

struct zpci_dev *other_alloc(void)
{
	return kmalloc(sizeof(struct zpci_dev), GFP_KERNEL);
}

struct zpci_dev *typed_alloc(void)
{
	struct zpci_dev *zdev;

	zdev = kzalloc_obj(*zdev);
	return zdev;
}

struct embeds {
	int x;
	struct zpci_dev zdev;
};

struct points {
	struct zpci_dev *zdev;
};

static struct zpci_dev spare;
static struct zpci_dev pool[4];

int user(struct zpci_dev *zdev)
{
	return zdev->fh;
}
