from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from .models import Task
from .serializers import TaskSerializer


class TaskViewSet(viewsets.ModelViewSet):
    serializer_class = TaskSerializer

    def get_queryset(self):
        # Scoping the queryset (not checking after the fact) makes other users' tasks 404.
        tasks = Task.objects.filter(owner=self.request.user)
        done = self.request.query_params.get("done")
        if done is not None:
            if done not in ("true", "false"):
                raise ValidationError({"done": ["Use true or false."]})
            tasks = tasks.filter(done=done == "true")
        return tasks

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
