from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="book",
            index=models.Index(fields=["published_on"], name="catalog_book_published_idx"),
        ),
    ]
